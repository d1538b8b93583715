package org.hbateam.balancer.servicetime.internal;

import java.util.concurrent.atomic.AtomicInteger;

import org.hbateam.api.balancer.Balancer;
import org.hbateam.api.balancer.PathSet;
import org.hbateam.api.balancer.TeamView;
import org.hbateam.api.scsi.Direction;
import org.hbateam.balancer.common.EffectiveShares;

/**
 * Service time, after dm-multipath's service-time selector: each command goes to the usable slot that should
 * finish it soonest, estimated as {@code (inFlightBytes + this command's bytes) / relative throughput}.
 * Throughput is the team's measured {@link PathSet#throughputBytesPerSecond}; only ratios matter.
 *
 * <p>An unmeasured path (throughput 0, e.g. just joined) is taken to be as fast as the fastest measured
 * usable path, so it is tried and gets measured rather than starved; when no usable path is measured yet,
 * all count as equal and the rule is "fewest bytes in flight".
 *
 * <p>Cases of {@link #faster}, for slots a and b with sizes {@code sa, sb} (in-flight plus this command) and
 * throughputs {@code ta, tb}:
 * <ol>
 * <li>Unusable slots are never compared.</li>
 * <li>{@code sa / ta < sb / tb}, compared as {@code sa * tb < sb * ta} (no division; doubles, so large
 *     byte counts cannot overflow): a wins.</li>
 * <li>Equal estimates: the higher throughput wins, as it will drain its queue sooner.</li>
 * <li>Still equal: the first slot at or after the rotation point wins, and the point moves past it, so an
 *     idle team rotates instead of piling onto slot 0 (read and written opaquely; a race only changes who
 *     wins a tie).</li>
 * </ol>
 */
public final class ServiceTimeBalancer implements Balancer {
    private final TeamView team;
    private final AtomicInteger rotation = new AtomicInteger();

    /** A balancer for {@code team}. */
    public ServiceTimeBalancer(TeamView team) {
        this.team = team;
    }

    /** The usable slot with the smallest estimated service time for {@code bytes}; NO_PATH when none is usable. */
    @Override
    public int select(PathSet paths, Direction direction, long bytes) {
        int size = paths.size();
        long unmeasured = fastestMeasured(paths, size);
        int point = rotation.getOpaque();
        int start = point < size ? point : 0;
        int best = NO_PATH;
        double bestSize = 0;
        double bestThroughput = 0;
        for (int step = 0; step < size; step++) {
            int slot = start + step < size ? start + step : start + step - size;
            if (!paths.usable(slot)) {
                continue; // case 1
            }
            double queued = (double) paths.inFlightBytes(slot) + bytes;
            long measured = paths.throughputBytesPerSecond(slot);
            double throughput = measured > 0 ? measured : unmeasured;
            if (best == NO_PATH || faster(queued, throughput, bestSize, bestThroughput)) {
                best = slot;
                bestSize = queued;
                bestThroughput = throughput;
            }
        }
        if (best != NO_PATH && point != best + 1) {
            rotation.setOpaque(best + 1); // written only when it moves: no shared write while one slot keeps winning
        }
        return best;
    }

    private static boolean faster(double size, double throughput, double bestSize, double bestThroughput) {
        double mine = size * bestThroughput;
        double theirs = bestSize * throughput;
        if (mine != theirs) {
            return mine < theirs; // case 2
        }
        return throughput > bestThroughput; // case 3; equal: keep the earlier slot in rotation order (case 4)
    }

    /** The fastest measured throughput of a usable slot, or 1 when none is measured (then all count as equal). */
    private static long fastestMeasured(PathSet paths, int size) {
        long fastest = 0;
        for (int slot = 0; slot < size; slot++) {
            if (paths.usable(slot)) {
                fastest = Math.max(fastest, paths.throughputBytesPerSecond(slot));
            }
        }
        return fastest > 0 ? fastest : 1;
    }

    /** An equal split over the usable slots (service time has no shares); 0 for an unusable slot. */
    @Override
    public double share(PathSet paths, int slot, Direction direction) {
        return EffectiveShares.equal(paths, slot);
    }

    /** The policy and each slot's in-flight bytes and measured throughput. */
    @Override
    public String status() {
        PathSet paths = team.paths();
        StringBuilder line = new StringBuilder("service-time:");
        for (int slot = 0; slot < paths.size(); slot++) {
            line.append(' ').append(paths.pathId(slot)).append('=').append(paths.inFlightBytes(slot))
                .append("B@").append(paths.throughputBytesPerSecond(slot)).append("B/s");
        }
        return line.toString();
    }
}
