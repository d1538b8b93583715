package org.hbateam.management.internal.health;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.Result;
import org.hbateam.failover.admin.PathStatus;
import org.hbateam.failover.admin.TeamStatus;

/**
 * The three hbateam health verdicts over a list of team statuses. It remembers the most paths each team has
 * had since this bundle started, so a path whose driver vanished entirely still counts as missing; a team
 * whose last path left is gone from the failover service and is forgotten here too.
 */
final class TeamHealth {
    private final Map<String, Integer> mostPathsSeen = new ConcurrentHashMap<>();

    /** WARN for each team with fewer usable paths than it has or has had; OK otherwise. */
    Result degraded(List<TeamStatus> teams) {
        remember(teams);
        FormattingResultLog log = new FormattingResultLog();
        for (TeamStatus team : teams) {
            int expected = Math.max(team.paths().size(), mostPathsSeen.getOrDefault(team.name(), 0));
            if (team.usablePaths() > 0 && team.usablePaths() < expected) {
                log.warn("team {} is degraded: {} of {} paths usable", team.name(), team.usablePaths(), expected);
            } else {
                log.info("team {}: {} of {} paths usable", team.name(), team.usablePaths(), expected);
            }
        }
        return withTeamsOrNone(log, teams);
    }

    /** WARN for each path held down as flaky. */
    Result flaky(List<TeamStatus> teams) {
        FormattingResultLog log = new FormattingResultLog();
        for (TeamStatus team : teams) {
            for (PathStatus path : team.paths()) {
                if (path.flaky()) {
                    log.warn("team {}: path {} (adapter {}) is flaky and held down", team.name(), path.pathId(), path.adapterId());
                }
            }
        }
        log.info("{} team(s) checked for flaky paths", teams.size());
        return new Result(log);
    }

    /** CRITICAL for each team that has no usable path. */
    Result allPathsDown(List<TeamStatus> teams) {
        remember(teams);
        FormattingResultLog log = new FormattingResultLog();
        for (TeamStatus team : teams) {
            if (team.usablePaths() == 0) {
                log.critical("team {} has no usable path ({} path(s), {} command(s) waiting)", team.name(), team.paths().size(), team.queuedCommands());
            } else {
                log.info("team {}: {} usable path(s)", team.name(), team.usablePaths());
            }
        }
        return withTeamsOrNone(log, teams);
    }

    private void remember(List<TeamStatus> teams) {
        Set<String> present = teams.stream().map(TeamStatus::name).collect(Collectors.toSet());
        mostPathsSeen.keySet().retainAll(present);
        teams.forEach(t -> mostPathsSeen.merge(t.name(), t.paths().size(), Math::max));
    }

    private static Result withTeamsOrNone(FormattingResultLog log, List<TeamStatus> teams) {
        if (teams.isEmpty()) {
            log.info("no team exists");
        }
        return new Result(log);
    }
}
