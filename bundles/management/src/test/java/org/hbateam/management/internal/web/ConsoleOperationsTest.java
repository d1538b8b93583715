package org.hbateam.management.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hbateam.failover.admin.FailoverAdmin;
import org.hbateam.failover.admin.TeamStatus;
import org.junit.jupiter.api.Test;

/** Each POST path reaches the one admin operation it names; anything else is a 404 that changes nothing. */
class ConsoleOperationsTest {
    private final List<String> calls = new ArrayList<>();
    private final ConsoleOperations operations = new ConsoleOperations(new FailoverAdmin() {
        @Override public List<TeamStatus> statuses() { return List.of(); }
        @Override public Optional<TeamStatus> status(String team) { return Optional.empty(); }
        @Override public void failPath(String team, String pathId) { check(team); calls.add("fail " + team + " " + pathId); }
        @Override public boolean reinstatePath(String team, String pathId) { check(team); calls.add("reinstate " + team + " " + pathId); return true; }
        @Override public void preferPath(String team, String pathIdOrAdapter) { calls.add("prefer"); }
        @Override public void resetCounters(String team) { check(team); calls.add("reset " + team); }

        private void check(String team) {
            if (!team.equals("default")) {
                throw new IllegalArgumentException("no team " + team);
            }
        }
    });

    @Test
    void eachOperationReachesTheAdmin() {
        assertEquals(200, operations.perform("/api/teams/default/reset-counters").status());
        assertEquals(200, operations.perform("/api/teams/default/paths/sim:hba1:lun0/fail").status());
        ConsoleOperations.Outcome reinstated = operations.perform("/api/teams/default/paths/sim:hba1:lun0/reinstate");
        assertEquals(List.of("reset default", "fail default sim:hba1:lun0", "reinstate default sim:hba1:lun0"), calls);
        assertEquals("{\"ok\":true,\"changed\":true}", reinstated.json());
    }

    @Test
    void unknownTeamsAndPathsAre404WithTheReason() {
        ConsoleOperations.Outcome outcome = operations.perform("/api/teams/other/reset-counters");
        assertEquals(404, outcome.status());
        assertTrue(outcome.json().contains("no team other"), outcome.json());
        for (String path : new String[] {null, "/", "/api/status", "/api/teams//reset-counters",
                "/api/teams/default/paths/p/explode", "/api/teams/default/paths//fail", "/api/teams/default/reboot"}) {
            assertEquals(404, operations.perform(path).status(), "not an operation: " + path);
        }
        assertEquals(List.of(), calls, "nothing was called for a bad path");
    }
}
