package org.hbateam.balancer.leastqueuedepth.internal;

import java.util.concurrent.atomic.AtomicInteger;

import org.hbateam.api.balancer.Balancer;
import org.hbateam.api.balancer.PathSet;
import org.hbateam.api.balancer.TeamView;
import org.hbateam.api.scsi.Direction;
import org.hbateam.balancer.common.EffectiveShares;

/**
 * Least queue depth, as Windows MPIO and dm-multipath's queue-length selector: each command goes to the
 * usable slot with the fewest commands in flight ({@link PathSet#inFlightCommands}, kept by the team).
 *
 * <p>Cases:
 * <ol>
 * <li>Unusable slots are skipped.</li>
 * <li>Fewer commands in flight wins.</li>
 * <li>Equal depth: the first slot at or after the rotation point wins, and the rotation point moves past
 *     it, so an idle team's commands rotate instead of piling on slot 0.</li>
 * </ol>
 * The rotation point is read and written opaquely, not incremented atomically: racing selections may
 * start at the same slot, which only affects who wins a tie.
 */
public final class LeastQueueBalancer implements Balancer {
    private final TeamView team;
    private final AtomicInteger rotation = new AtomicInteger();

    /** A balancer for {@code team}. */
    public LeastQueueBalancer(TeamView team) {
        this.team = team;
    }

    /** The usable slot with the fewest commands in flight, ties rotating; NO_PATH when none is usable. */
    @Override
    public int select(PathSet paths, Direction direction, long bytes) {
        int size = paths.size();
        int point = rotation.getOpaque();
        int start = point < size ? point : 0;
        int best = NO_PATH;
        int bestDepth = Integer.MAX_VALUE;
        for (int step = 0; step < size; step++) {
            int slot = start + step < size ? start + step : start + step - size;
            if (!paths.usable(slot)) {
                continue; // case 1
            }
            int depth = paths.inFlightCommands(slot);
            if (depth < bestDepth) { // case 2; on equal depth the earlier slot in rotation order stays (case 3)
                best = slot;
                bestDepth = depth;
            }
        }
        if (best != NO_PATH && point != best + 1) {
            rotation.setOpaque(best + 1); // written only when it moves: no shared write while one slot keeps winning
        }
        return best;
    }

    /** An equal split over the usable slots; 0 for an unusable slot. */
    @Override
    public double share(PathSet paths, int slot, Direction direction) {
        return EffectiveShares.equal(paths, slot);
    }

    /** The policy and the queue depth of every slot. */
    @Override
    public String status() {
        PathSet paths = team.paths();
        StringBuilder line = new StringBuilder("least-queue-depth: in flight");
        for (int slot = 0; slot < paths.size(); slot++) {
            line.append(' ').append(paths.pathId(slot)).append('=').append(paths.inFlightCommands(slot));
        }
        return line.toString();
    }
}
