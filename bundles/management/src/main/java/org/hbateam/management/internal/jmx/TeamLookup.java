package org.hbateam.management.internal.jmx;

import java.util.List;

import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;
import org.hbateam.api.team.TeamService;
import org.hbateam.failover.admin.FailoverAdmin;
import org.hbateam.failover.admin.PathStatus;
import org.hbateam.failover.admin.TeamStatus;

/**
 * Finds a team's or path's current status and counters by name, for MBeans that outlive a snapshot.
 * A team or path that has gone since its MBean was registered gives an {@link IllegalStateException}
 * with a one-line message (the publisher unregisters it at its next refresh).
 */
final class TeamLookup {
    private final FailoverAdmin admin;
    private final TeamService teams;

    TeamLookup(FailoverAdmin admin, TeamService teams) {
        this.admin = admin;
        this.teams = teams;
    }

    FailoverAdmin admin() {
        return admin;
    }

    TeamStatus status(String team) {
        return admin.status(team).orElseThrow(() -> new IllegalStateException("team " + team + " no longer exists"));
    }

    PathStatus pathStatus(String team, String pathId) {
        return status(team).paths().stream().filter(p -> p.pathId().equals(pathId)).findFirst()
                .orElseThrow(() -> gone(team, pathId));
    }

    List<PathInfo> pathInfos(String team) {
        return teams.team(team).map(Team::paths)
                .orElseThrow(() -> new IllegalStateException("team " + team + " no longer exists"));
    }

    PathInfo pathInfo(String team, String pathId) {
        return pathInfos(team).stream().filter(p -> p.pathId().equals(pathId)).findFirst()
                .orElseThrow(() -> gone(team, pathId));
    }

    private static IllegalStateException gone(String team, String pathId) {
        return new IllegalStateException("path " + pathId + " is no longer in team " + team);
    }
}
