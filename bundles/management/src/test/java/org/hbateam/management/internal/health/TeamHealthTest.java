package org.hbateam.management.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.felix.hc.api.Result;
import org.hbateam.failover.admin.PathStatus;
import org.hbateam.failover.admin.TeamStatus;
import org.junit.jupiter.api.Test;

class TeamHealthTest {
    private final TeamHealth health = new TeamHealth();

    private static PathStatus path(String id, boolean usable, boolean flaky) {
        return new PathStatus(id, "hba", "s", 0, usable ? "UP" : "DOWN", usable, !usable, false, flaky, 500, 0, 0);
    }

    private static TeamStatus team(PathStatus... paths) {
        int usable = (int) List.of(paths).stream().filter(PathStatus::usable).count();
        return new TeamStatus("default", "naa.1", "static", "balance", "ok", usable, 0, 0, 0, List.of(paths));
    }

    @Test
    void aTeamWithAllPathsUsableIsGreenEverywhere() {
        List<TeamStatus> teams = List.of(team(path("p0", true, false), path("p1", true, false)));
        assertEquals(Result.Status.OK, health.degraded(teams).getStatus(), "not degraded");
        assertEquals(Result.Status.OK, health.flaky(teams).getStatus(), "no flaky path");
        assertEquals(Result.Status.OK, health.allPathsDown(teams).getStatus(), "paths are up");
    }

    @Test
    void oneFailedPathOfTwoIsDegradedButNotDown() {
        List<TeamStatus> teams = List.of(team(path("p0", true, false), path("p1", false, false)));
        Result degraded = health.degraded(teams);
        assertEquals(Result.Status.WARN, degraded.getStatus(), "one of two usable is degraded");
        assertTrue(degraded.toString().contains("1 of 2"), "the message counts the paths: " + degraded);
        assertEquals(Result.Status.OK, health.allPathsDown(teams).getStatus(), "one path still carries I/O");
    }

    @Test
    void aPathThatLeftTheTeamStillCountsAsMissing() {
        health.degraded(List.of(team(path("p0", true, false), path("p1", true, false))));
        assertEquals(Result.Status.WARN, health.degraded(List.of(team(path("p0", true, false)))).getStatus(),
                "the team had two paths; one remaining is degraded");
    }

    @Test
    void noUsablePathIsCritical() {
        List<TeamStatus> teams = List.of(team(path("p0", false, false), path("p1", false, false)));
        assertEquals(Result.Status.CRITICAL, health.allPathsDown(teams).getStatus(), "all paths down is critical");
    }

    @Test
    void aFlakyPathWarns() {
        Result flaky = health.flaky(List.of(team(path("p0", true, false), path("p1", false, true))));
        assertEquals(Result.Status.WARN, flaky.getStatus(), "a flaky path warns");
        assertTrue(flaky.toString().contains("p1"), "names the path: " + flaky);
    }
}
