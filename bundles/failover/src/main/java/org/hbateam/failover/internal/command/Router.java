package org.hbateam.failover.internal.command;

import org.hbateam.api.scsi.Direction;
import org.hbateam.failover.internal.health.PathEntry;
import org.hbateam.failover.internal.team.TeamPathSet;

/**
 * Chooses the path for one attempt of a command (FIG. 6). Lock-free and allocation-free.
 *
 * <ol>
 *   <li>Failover-only routing (the primary if usable, else the first usable path in priority order) when
 *       the team is configured failover-only, when no working balancer is bound, when at most one path is
 *       usable, or when one path holds 100% of the share ([0047]'s automatic fallback).</li>
 *   <li>Otherwise the balancer chooses; an answer that is out of range or unusable falls back to rule 1.</li>
 *   <li>A retry prefers a usable path the command has not tried yet.</li>
 * </ol>
 * Returns -1 when no path is usable.
 */
final class Router {
    private Router() {
    }

    static int select(TeamPathSet set, int primarySlot, boolean failoverOnly, BalancerSlot balancer, PendingCommand command) {
        Direction direction = command.command.direction();
        int slot;
        if (failoverOnly || !balancer.active() || set.usableCount() <= 1 || set.hasFullShare(direction)) {
            slot = failoverOnlySlot(set, primarySlot);
        } else {
            slot = balancer.select(set, direction, command.command.transferLength());
            if (slot < 0 || slot >= set.size() || !set.entry(slot).usable()) {
                slot = failoverOnlySlot(set, primarySlot);
            }
        }
        if (slot >= 0 && command.retries() > 0 && command.hasTried(set.entry(slot))) {
            int untried = firstUntried(set, command);
            if (untried >= 0) {
                slot = untried;
            }
        }
        return slot;
    }

    /** The primary when usable, else the first usable path in priority order, else -1. */
    static int failoverOnlySlot(TeamPathSet set, int primarySlot) {
        if (primarySlot >= 0 && primarySlot < set.size() && set.entry(primarySlot).usable()) {
            return primarySlot;
        }
        for (int i = 0; i < set.size(); i++) {
            if (set.entry(i).usable()) {
                return i;
            }
        }
        return -1;
    }

    private static int firstUntried(TeamPathSet set, PendingCommand command) {
        for (int i = 0; i < set.size(); i++) {
            PathEntry entry = set.entry(i);
            if (entry.usable() && !command.hasTried(entry)) {
                return i;
            }
        }
        return -1;
    }
}
