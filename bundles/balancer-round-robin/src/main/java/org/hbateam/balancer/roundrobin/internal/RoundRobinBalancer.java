package org.hbateam.balancer.roundrobin.internal;

import java.util.concurrent.atomic.AtomicInteger;

import org.hbateam.api.balancer.Balancer;
import org.hbateam.api.balancer.PathSet;
import org.hbateam.api.balancer.TeamView;
import org.hbateam.api.scsi.Direction;
import org.hbateam.balancer.common.EffectiveShares;
import org.hbateam.balancer.common.ShareLine;

/**
 * Round-robin: each command goes to the next usable slot, whatever its size or direction, as
 * dm-multipath's round-robin selector with one I/O per path.
 *
 * <p>A ticket counter picks the starting slot, lock-free. When the ticket lands on an unusable slot the
 * selection moves on to the next usable one and tries once to advance the counter past the slots it
 * skipped, so the path after a failed one does not get a double turn. If that one attempt loses a race, the
 * rotation is briefly uneven, never wrong.
 */
public final class RoundRobinBalancer implements Balancer {
    private final TeamView team;
    private final AtomicInteger tickets = new AtomicInteger();

    /** A rotation for {@code team}, starting at slot 0. */
    public RoundRobinBalancer(TeamView team) {
        this.team = team;
    }

    /** The usable slot after the previously chosen one, in slot order; NO_PATH when none is usable. */
    @Override
    public int select(PathSet paths, Direction direction, long bytes) {
        int size = paths.size();
        if (size == 0) {
            return NO_PATH;
        }
        int ticket = tickets.getAndIncrement();
        int start = Math.floorMod(ticket, size);
        for (int step = 0; step < size; step++) {
            int slot = start + step < size ? start + step : start + step - size;
            if (paths.usable(slot)) {
                if (step > 0) {
                    tickets.compareAndSet(ticket + 1, ticket + 1 + step); // skip what we skipped, once
                }
                return slot;
            }
        }
        return NO_PATH;
    }

    /** An equal split over the usable slots; 0 for an unusable slot. */
    @Override
    public double share(PathSet paths, int slot, Direction direction) {
        return EffectiveShares.equal(paths, slot);
    }

    /** The policy and the equal read shares. */
    @Override
    public String status() {
        return "round-robin: " + ShareLine.of(this, team.paths(), Direction.READ);
    }
}
