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
 * <li>Equal values: the slot chosen least recently wins ([0023]).</li>
 * <li>Still equal (never chosen, or a racing stamp): the lower slot wins.</li>
 * </ol>
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
        int size = paths.size();
        for (int slot = 0; slot < size; slot++) {
            if (!paths.usable(slot)) {
                continue;
            }
            double share = shares.share(paths, slot, direction);
            long bytes = paths.windowBytes(slot, direction);
            if (best == Balancer.NO_PATH
                    || beats(slot, share, bytes, best, bestShare, bestBytes, direction, clock)) {
                best = slot;
                bestShare = share;
                bestBytes = bytes;
            }
        }
        if (best != Balancer.NO_PATH) {
            clock.chose(best, direction);
        }
        return best;
    }

    private static boolean beats(int slot, double share, long bytes, int best, double bestShare, long bestBytes,
                                 Direction direction, ChoiceClock clock) {
        boolean weighted = share > 0;
        boolean bestWeighted = bestShare > 0;
        if (weighted != bestWeighted) {
            return weighted; // case 1
        }
        double mine = weighted ? share : 1.0;
        double theirs = bestWeighted ? bestShare : 1.0;
        double left = (double) bytes * theirs;
        double right = (double) bestBytes * mine;
        if (left != right) {
            return left < right; // case 2
        }
        return clock.lastChosen(slot, direction) < clock.lastChosen(best, direction); // cases 3 and 4
    }
}
