package org.hbateam.failover.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.hbateam.api.scsi.Direction;
import org.hbateam.api.team.PathInfo;
import org.hbateam.failover.admin.PathStatus;
import org.hbateam.failover.admin.TeamStatus;
import org.hbateam.failover.internal.command.BalancerSlot;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.failover.internal.health.PathEntry;
import org.hbateam.failover.internal.health.PathIdentity;
import org.hbateam.failover.internal.health.TimeoutPolicy;
import org.hbateam.failover.internal.team.TeamImpl;
import org.hbateam.failover.internal.team.TeamPathSet;

/** Builds the snapshots of a team and its paths for display: {@link PathInfo} rows and admin status. */
public final class StatusSnapshots {
    private StatusSnapshots() {
    }

    public static TeamStatus of(TeamImpl team, long nowNanos) {
        TeamPathSet set = team.pathSet();
        List<PathStatus> paths = new ArrayList<>(set.size());
        for (int i = 0; i < set.size(); i++) {
            paths.add(of(set, i, team.global(), nowNanos));
        }
        return new TeamStatus(team.name(), team.luIdentity(), designator(team, set), team.policy(),
                team.settings().failoverOnly() ? "failover-only" : "balance", team.balancerStatus(), set.usableCount(),
                team.queuedCommands(), team.failovers(), team.lastFailoverMillis(), team.retries(),
                List.copyOf(paths));
    }

    /** What the team's first path reported; a dormant team has none and shows its identity. */
    private static String designator(TeamImpl team, TeamPathSet set) {
        return set.size() > 0 && set.entry(0).identity.luDesignator() != null
                ? set.entry(0).identity.luDesignator() : team.luIdentity();
    }

    private static PathStatus of(TeamPathSet set, int slot, FailoverSettings global, long nowNanos) {
        PathEntry e = set.entry(slot);
        return new PathStatus(e.identity.pathId(), e.identity.adapterId(), e.identity.sessionId(), set.group(slot),
                e.driverState().name(), set.usable(slot), e.isHeldOut(), e.health.operatorHeld(),
                e.health.heldDown(nowNanos), TimeUnit.NANOSECONDS.toMillis(TimeoutPolicy.timeoutNanos(e.counters, global)),
                e.counters.averageLatencyNanos(), e.counters.inFlightCommands());
    }

    /** The {@link PathInfo} rows of a team, in priority order, with the balancer's current shares. */
    public static List<PathInfo> pathInfos(TeamPathSet set, BalancerSlot balancer) {
        List<PathInfo> infos = new ArrayList<>(set.size());
        for (int i = 0; i < set.size(); i++) {
            PathEntry e = set.entry(i);
            PathIdentity id = e.identity;
            infos.add(new PathInfo(id.pathId(), id.adapterId(), id.target(), id.lun(), e.displayState(),
                    e.counters.totalBytes(Direction.READ), e.counters.totalBytes(Direction.WRITE),
                    e.counters.completedCommands(), e.counters.inFlightCommands(),
                    balancer.share(set, i, Direction.READ), balancer.share(set, i, Direction.WRITE)));
        }
        return List.copyOf(infos);
    }
}
