package org.hbateam.itests.iscsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hbateam.api.path.PathState;
import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;
import org.hbateam.balancer.static_.internal.StaticBalancerFactory;
import org.hbateam.driver.iscsi.internal.SessionDirectory;
import org.hbateam.failover.admin.PathStatus;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.test.direct.DirectFailover;
import org.hbateam.test.workload.VerifyingLoad;
import org.hbateam.testbed.BedConfig;
import org.hbateam.testbed.TestBed;
import org.hbateam.testbed.TestBedExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 13's fall back on the real target: tgtd left at MaxConnections=1 refuses a second connection in the
 * negotiation, so a connection-based adapter says so once and runs one session per adapter, which team up as
 * session-based paths and carry I/O with every byte right.
 */
@ExtendWith(TestBedExtension.class)
@BedConfig(paths = 2, size = "64M", maxConnections = 1)
class ConnectionTeamingFallbackE2eTest {
    @Test
    void aTargetAllowingOneConnectionGetsOneSessionPerAdapterAndSaysWhy(TestBed bed) throws Exception {
        try (DirectFailover failover = new DirectFailover(FailoverSettings.defaults());
             E2eAdapter adapter = E2eAdapter.connectionBased(bed, 2, failover, new SessionDirectory())) {
            failover.useBalancer(new StaticBalancerFactory(), "static");
            E2eTeam.waitFor("the adapter falls back: " + adapter.fallbacks, () -> !adapter.fallbacks.isEmpty());
            assertEquals(1, adapter.fallbacks.size(), "one fall back: " + adapter.fallbacks);
            assertTrue(adapter.fallbacks.get(0).contains("MaxConnections=1"), "saying why: " + adapter.fallbacks);

            String lu = adapter.path(1).luIdentity();
            E2eTeam.waitFor("two UP session-based paths, one per adapter, team up", () -> sessionBased(failover, lu));
            Team team = failover.team(lu);
            VerifyingLoad load = new VerifyingLoad(team, 0, 4, 256, 32, 50);
            load.start();
            try {
                assertTrue(load.awaitMore(300), "the load runs on the fallen-back team: " + load.summary());
            } finally {
                load.stop();
            }
            new CleanRun(load.model()).witness("the team", Readers.team(team))
                    .witness("the LUN file", Readers.lunFile(bed, 1)).assertClean(load.errors(), load::summary);
        }
    }

    /** True when the team has exactly the two fallen-back paths, UP, of adapters mcs1 and mcs2, in two sessions. */
    private static boolean sessionBased(DirectFailover failover, String lu) {
        Team team;
        try {
            team = failover.team(lu);
        } catch (IllegalStateException notYet) {
            return false;
        }
        List<PathInfo> paths = team.paths();
        if (paths.size() != 2 || paths.stream().anyMatch(p -> p.state() != PathState.UP || p.pathId().contains("/c"))) {
            return false;
        }
        List<String> sessions = paths.stream().map(p -> failover.status(lu, p.pathId())).map(PathStatus::sessionId)
                .distinct().toList();
        return sessions.size() == 2 && paths.stream().map(PathInfo::adapterId).sorted().toList().equals(List.of("mcs1", "mcs2"));
    }
}
