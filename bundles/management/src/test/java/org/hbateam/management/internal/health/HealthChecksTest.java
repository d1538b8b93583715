package org.hbateam.management.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.apache.felix.hc.api.Result;
import org.hbateam.failover.admin.FailoverAdmin;
import org.hbateam.failover.admin.PathStatus;
import org.hbateam.failover.admin.TeamStatus;
import org.junit.jupiter.api.Test;

/** The three check components read the failover service's statuses each time they run. */
class HealthChecksTest {
    private static final class StatusesOnly implements FailoverAdmin {
        volatile List<TeamStatus> statuses = List.of();

        @Override
        public List<TeamStatus> statuses() {
            return statuses;
        }

        @Override
        public Optional<TeamStatus> status(String team) {
            return statuses.stream().filter(t -> t.name().equals(team)).findFirst();
        }

        @Override
        public void failPath(String team, String pathId) {
            throw new AssertionError("a health check must not change anything");
        }

        @Override
        public boolean reinstatePath(String team, String pathId) {
            throw new AssertionError("a health check must not change anything");
        }

        @Override
        public void preferPath(String team, String pathIdOrAdapter) {
            throw new AssertionError("a health check must not change anything");
        }

        @Override
        public void resetCounters(String team) {
            throw new AssertionError("a health check must not change anything");
        }
    }

    private static TeamStatus team(boolean... usable) {
        List<PathStatus> paths = new java.util.ArrayList<>();
        for (int i = 0; i < usable.length; i++) {
            paths.add(new PathStatus("p" + i, "hba" + i, "s" + i, 0, usable[i] ? "UP" : "DOWN", usable[i], !usable[i], false, false, 500, 0, 0));
        }
        int up = (int) paths.stream().filter(PathStatus::usable).count();
        return new TeamStatus("default", "naa.1", "static", "balance", "ok", up, 0, 0, 0, paths);
    }

    @Test
    void checksTurnRedAndGreenWithTheStatuses() {
        StatusesOnly admin = new StatusesOnly();
        DegradedCheck degraded = new DegradedCheck(admin);
        AllPathsDownCheck down = new AllPathsDownCheck(admin);
        FlakyCheck flaky = new FlakyCheck(admin);

        admin.statuses = List.of(team(true, true));
        assertEquals(Result.Status.OK, degraded.execute().getStatus(), "healthy team: not degraded");
        assertEquals(Result.Status.OK, down.execute().getStatus(), "healthy team: not down");
        assertEquals(Result.Status.OK, flaky.execute().getStatus(), "healthy team: nothing flaky");

        admin.statuses = List.of(team(false, false));
        assertEquals(Result.Status.CRITICAL, down.execute().getStatus(), "no usable path: critical");
        assertEquals(Result.Status.OK, degraded.execute().getStatus(), "all down is reported by the other check, not twice");

        admin.statuses = List.of(team(true, true));
        assertEquals(Result.Status.OK, down.execute().getStatus(), "green again when the paths are back");
    }
}
