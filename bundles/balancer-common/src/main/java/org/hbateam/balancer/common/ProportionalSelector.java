package org.hbateam.balancer.common;

import org.hbateam.api.balancer.Balancer;
import org.hbateam.api.balancer.PathSet;
import org.hbateam.api.scsi.Direction;

/**
 * The patent's static rule (FIG. 4, [0023], [0026]): send the command on the path with the largest
 * {@code LoadBalancingValue = (TotalTeamBytes / DataPathBytes) * LoadBalancingShare}.
 *
 * <p>TotalTeamBytes is the same for every path, so the rule is the same as choosing the path with the
 * smallest {@code DataPathBytes / Share}; to stay exact and division-free it compares cross products,
 * {@code bytes(a) * share(b)} against {@code bytes(b) * share(a)}. DataPathBytes is
 * {@link PathSet#windowBytes}: the bytes since the team last restarted its window (on membership,
 * usability or share changes), so a reinstated path gets its share instead of a burst.
 *
 * <p>Cases, in the order {@link #beats} checks them:
 * <ol>
 * <li>A slot with a share above 0 beats a slot with share 0. Zero-share slots only carry I/O when no usable
 *     slot has a share (say the 100% path failed); then they split it evenly.</li>
 * <li>Otherwise the smaller {@code bytes / share} wins. A slot with 0 bytes has an infinite value and wins
 *     against any slot with bytes; that falls out of the cross product ({@code 0 * x < y * s}).</li>
 * <li>Equal values: the slot chosen least recently in a tie wins ([0023]).</li>
 * <li>Still equal (never chosen, or a racing stamp): the lower slot wins.</li>
 * </ol>
 * Only a selection that met a tie stamps the clock. Outside ties the bytes decide, and the chosen slot's
 * bytes grow, which turns the order by itself; stamping every selection made every submitter write the same
 * cache line, which was most of a selection's cost with several threads (docs/benchmarks.md, "Path selection").
 * A failed slot's share is not handed to anyone explicitly: the ratio rule spreads it over the usable
 * slots in proportion to their shares. Lock-free and allocation-free.
 */
public final class ProportionalSelector {
    private ProportionalSelector() {
    }

    /**
     * The usable slot of {@code paths} with the largest load-balancing value for {@code direction} (READ or
     * WRITE), stamped in {@code clock}; {@link Balancer#NO_PATH} when no slot is usable.
     */
    public static int select(PathSet paths, Direction direction, ShareSource shares, ChoiceClock clock) {
        int best = Balancer.NO_PATH;
        double bestShare = 0;
        long bestBytes = 0;
        boolean tied = false;
        int size = paths.size();
        for (int slot = 0; slot < size; slot++) {
            if (!paths.usable(slot)) {
                continue;
            }
            double share = shares.share(paths, slot, direction);
            long bytes = paths.windowBytes(slot, direction);
            int order = best == Balancer.NO_PATH ? -1 : compare(share, bytes, bestShare, bestBytes);
            if (order == 0) {
                tied = true;
            }
            if (order < 0 || (order == 0 && clock.lastChosen(slot, direction) < clock.lastChosen(best, direction))) {
                tied &= order == 0; // a strictly better slot is also strictly better than those tied with the old best
                best = slot;
                bestShare = share;
                bestBytes = bytes;
            }
        }
        if (tied) {
            clock.chose(best, direction); // only a tie reads the clock, so only a tie needs to stamp it
        }
        return best;
    }

    /** Negative when (share, bytes) beats (bestShare, bestBytes) by cases 1 and 2, positive when it loses, 0 on a tie. */
    private static int compare(double share, long bytes, double bestShare, long bestBytes) {
        boolean weighted = share > 0;
        boolean bestWeighted = bestShare > 0;
        if (weighted != bestWeighted) {
            return weighted ? -1 : 1; // case 1
        }
        double mine = weighted ? share : 1.0;
        double theirs = bestWeighted ? bestShare : 1.0;
        return Double.compare((double) bytes * theirs, (double) bestBytes * mine); // case 2
    }
}
