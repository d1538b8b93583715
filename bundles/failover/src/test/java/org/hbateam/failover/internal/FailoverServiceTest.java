package org.hbateam.failover.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.team.Team;
import org.junit.jupiter.api.Test;

class FailoverServiceTest {
    /** True if a sweeper thread is still alive after being given a moment to finish exiting. */
    private static boolean sweeperAlive() throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("hbateam-failover-sweeper")) {
                t.join(5000);
                if (t.isAlive()) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void theComponentFormsTeamsAndLeavesNothingBehind() throws Exception {
        FailoverService service = new FailoverService(Configs.of(FailoverConfiguration.class, Map.of()), Map.of());
        FakePath p = new FakePath("p", "hba0", "lu");
        service.bindDataPath(p, p.properties());
        Team team = service.team("lu").orElseThrow(() -> new AssertionError("the team formed"));
        assertEquals(ScsiResult.GOOD, team.execute(Fixture.write(512)), "commands flow");
        p.mode = FakePath.Mode.HOLD;
        CompletableFuture<ScsiResult> inFlight = team.submit(Fixture.write(512)).toCompletableFuture();
        service.deactivate();
        assertTrue(inFlight.isCompletedExceptionally(), "deactivation failed the in-flight command cleanly");
        assertFalse(sweeperAlive(), "the sweeper thread is gone");
        assertTrue(p.listeners.isEmpty(), "no state listener is left on the path");
        service.unbindDataPath(p);
        assertTrue(service.teams().isEmpty(), "no team is left");
    }

    @Test
    void aBadGlobalConfigurationKeepsThePreviousSettings() {
        FailoverService service = new FailoverService(Configs.of(FailoverConfiguration.class, Map.of("noPathRetryMs", 777L)), Map.of());
        try {
            FakePath p = new FakePath("p", "hba0", "lu");
            service.bindDataPath(p, p.properties());
            service.modified(Configs.of(FailoverConfiguration.class, Map.of("noPathRetryMs", -5L)), Map.of());
            TeamImpl team = (TeamImpl) service.team("lu").orElseThrow();
            assertEquals(777L, team.noPathRetryMs(), "the rejected value did not replace the previous one");
        } finally {
            service.deactivate();
        }
    }
}
