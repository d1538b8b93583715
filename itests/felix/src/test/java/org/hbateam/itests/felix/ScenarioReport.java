package org.hbateam.itests.felix;

import org.hbateam.failover.admin.TeamStatus;
import org.hbateam.test.workload.VerifyingLoad;

/** The one line each failover scenario prints: what the application issued and saw, and what the team retried. */
final class ScenarioReport {
    private ScenarioReport() {
    }

    static String line(String scenario, VerifyingLoad workload, TeamStatus status, String detail) {
        return String.format("SCENARIO %-24s issued=%d completed=%d retried=%d failed=%d %s%s", scenario,
                workload.issued(), workload.completed(), status.retries(), workload.failed(), workload.failuresByType(),
                detail.isEmpty() ? "" : " " + detail);
    }
}
