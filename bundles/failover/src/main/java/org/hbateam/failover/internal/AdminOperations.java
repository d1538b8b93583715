package org.hbateam.failover.internal;

import java.util.List;
import java.util.Optional;

import org.hbateam.failover.admin.FailoverAdmin;
import org.hbateam.failover.admin.TeamStatus;
import org.hbateam.failover.internal.health.PathEntry;
import org.hbateam.failover.internal.team.TeamImpl;
import org.hbateam.failover.internal.team.TeamPathSet;
import org.hbateam.failover.internal.team.TeamRegistry;

/** The {@link FailoverAdmin} operations on the teams of a {@link TeamRegistry}; see that interface for the contract. */
final class AdminOperations {
    private final TeamRegistry registry;

    AdminOperations(TeamRegistry registry) {
        this.registry = registry;
    }

    List<TeamStatus> statuses() {
        long now = registry.now();
        return registry.teams().stream().map(t -> StatusSnapshots.of((TeamImpl) t, now)).toList();
    }

    Optional<TeamStatus> status(String team) {
        return registry.teamImpl(team).map(t -> StatusSnapshots.of(t, registry.now()));
    }

    void failPath(String team, String pathId) {
        TeamImpl t = teamOrThrow(team);
        t.health.operatorFail(entryOrThrow(t, pathId));
    }

    boolean reinstatePath(String team, String pathId) {
        TeamImpl t = teamOrThrow(team);
        return t.health.operatorReinstate(entryOrThrow(t, pathId));
    }

    void preferPath(String team, String pathIdOrAdapter) {
        teamOrThrow(team).prefer(pathIdOrAdapter);
    }

    void resetCounters(String team) {
        teamOrThrow(team).resetCounters();
    }

    private TeamImpl teamOrThrow(String team) {
        return registry.teamImpl(team).orElseThrow(() -> new IllegalArgumentException("no team " + team));
    }

    private static PathEntry entryOrThrow(TeamImpl team, String pathId) {
        TeamPathSet set = team.pathSet();
        for (int i = 0; i < set.size(); i++) {
            if (set.pathId(i).equals(pathId)) {
                return set.entry(i);
            }
        }
        throw new IllegalArgumentException("team " + team.name() + " has no path " + pathId);
    }
}
