package org.hbateam.failover.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hbateam.api.path.PathException;
import org.hbateam.api.path.PathState;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.failover.internal.config.Configs;
import org.hbateam.failover.internal.config.Failback;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.failover.internal.config.TeamConfiguration;
import org.hbateam.failover.internal.config.TeamSettings;
import org.hbateam.failover.internal.events.TeamEvents;
import org.hbateam.failover.internal.team.FakePath;
import org.hbateam.failover.internal.team.Fixture;
import org.hbateam.failover.internal.team.TeamImpl;
import org.junit.jupiter.api.Test;

class HealthTest {
    private static final long PROBE_MS = FailoverSettings.defaults().probeIntervalMs();

    @Test
    void aPathWithTrafficIsNeverProbedWhileAnIdleOneIs() throws Exception {
        Fixture f = new Fixture();
        FakePath busy = f.add(new FakePath("busy", "hba0", "lu"));
        FakePath idle = f.add(new FakePath("idle", "hba1", "lu"));
        TeamImpl team = f.team("lu");
        for (int i = 0; i < 500; i++) {   // 50 s of steady traffic, one command every 100 ms
            team.execute(Fixture.write(512));
            f.advanceMillis(100);
            f.registry.sweep();
        }
        assertEquals(0, busy.probes.get(), "a path that carries commands is never probed");
        assertTrue(idle.probes.get() >= 20, "the idle secondary was probed every interval: " + idle.probes.get());
    }

    @Test
    void aPathWithACommandInFlightIsNotProbedEvenWhenSlow() {
        Fixture f = new Fixture(FailoverSettings.defaults().withFailback(Failback.IMMEDIATE, 0).withProbeIntervalMs(500));
        FakePath slow = f.add(new FakePath("slow", "hba0", "lu"));
        slow.mode = FakePath.Mode.HOLD;
        f.team("lu").submit(Fixture.write(512));
        f.advanceMillis(1500); // three probe intervals, within the 2 s initial timeout
        f.registry.sweep();
        assertEquals(0, slow.probes.get(), "a path with a command in flight is busy, not idle");
    }

    @Test
    void aFailedProbeOfAnIdlePathFailsThePath() {
        Fixture f = new Fixture();
        FakePath p = f.add(new FakePath("p", "hba0", "lu"));
        f.add(new FakePath("q", "hba1", "lu"));
        p.probeMode = FakePath.Mode.FAIL;
        f.advanceMillis(PROBE_MS);
        f.registry.sweep();
        assertEquals(PathState.DOWN, f.team("lu").paths().get(0).state(), "the path whose probe failed is held out");
    }

    @Test
    void aHeldOutPathComesBackWhenAProbeAnswers() {
        Fixture f = new Fixture();
        FakePath p = f.add(new FakePath("p", "hba0", "lu"));
        p.mode = FakePath.Mode.FAIL;
        f.add(new FakePath("q", "hba1", "lu"));
        f.team("lu").submit(Fixture.write(512));
        assertEquals(PathState.DOWN, f.team("lu").paths().get(0).state(), "p failed its command");
        f.advanceMillis(PROBE_MS);
        f.registry.sweep();
        assertTrue(p.probes.get() >= 1, "the held-out path was probed");
        assertEquals(PathState.UP, f.team("lu").paths().get(0).state(), "and reinstated when the probe answered");
    }

    @Test
    void stableFailbackWaitsForTheStableTime() {
        Fixture f = new Fixture(FailoverSettings.defaults().withFailback(Failback.STABLE, 5000));
        FakePath p = f.add(new FakePath("p", "hba0", "lu"));
        f.add(new FakePath("q", "hba1", "lu"));
        TeamImpl team = f.team("lu");
        p.report(PathState.DOWN);
        p.report(PathState.UP);
        f.advanceMillis(4000);
        f.registry.sweep();
        assertEquals(PathState.DOWN, team.paths().get(0).state(), "not back before 5 s of stable health");
        f.advanceMillis(1001);
        f.registry.sweep();
        assertEquals(PathState.UP, team.paths().get(0).state(), "back after 5 s of stable health");
        assertEquals(1, f.count(TeamEvents.FAILBACK), "one FAILBACK event");
    }

    @Test
    void manualFailbackNeverReinstatesByItself() {
        Fixture f = new Fixture(FailoverSettings.defaults().withFailback(Failback.MANUAL, 0));
        FakePath p = f.add(new FakePath("p", "hba0", "lu"));
        f.add(new FakePath("q", "hba1", "lu"));
        TeamImpl team = f.team("lu");
        p.report(PathState.DOWN);
        p.report(PathState.UP);
        f.advanceMillis(600_000);
        f.registry.sweep();
        assertEquals(PathState.DOWN, team.paths().get(0).state(), "manual failback waits for an operator");
        assertTrue(team.health.reinstate(team.entry(p), "operator"), "the operator can reinstate it");
        assertEquals(PathState.UP, team.paths().get(0).state(), "and then it is back");
    }

    @Test
    void aFlappingPathIsHeldDownAsFlaky() {
        Fixture f = new Fixture(FailoverSettings.defaults().withFailback(Failback.IMMEDIATE, 0).withFlaky(3, 60_000, 30_000));
        FakePath p = f.add(new FakePath("p", "hba0", "lu"));
        f.add(new FakePath("q", "hba1", "lu"));
        TeamImpl team = f.team("lu");
        for (int i = 0; i < 4; i++) {
            p.report(PathState.DOWN);
            f.advanceMillis(1000);
            p.report(PathState.UP);
        }
        assertEquals(1, f.count(TeamEvents.FLAKY), "the fourth failure within the window made it flaky, once");
        assertEquals(PathState.DOWN, team.paths().get(0).state(), "a flaky path stays down though its driver says UP");
        f.advanceMillis(30_001);
        f.registry.sweep();
        assertEquals(PathState.UP, team.paths().get(0).state(), "after the hold-down it comes back");
    }

    @Test
    void aTimedOutProbeKeepsThePathOut() {
        Fixture f = new Fixture();
        FakePath p = f.add(new FakePath("p", "hba0", "lu"));
        f.add(new FakePath("q", "hba1", "lu"));
        p.mode = FakePath.Mode.FAIL;
        f.team("lu").submit(Fixture.write(512));
        p.probeMode = FakePath.Mode.HOLD;
        f.advanceMillis(PROBE_MS);
        f.registry.sweep();
        assertEquals(1, p.probes.get(), "the held-out path was probed");
        f.advanceMillis(FailoverSettings.defaults().commandTimeoutMs() + 1);
        f.registry.sweep();
        assertEquals(PathState.DOWN, f.team("lu").paths().get(0).state(), "an unanswered probe does not reinstate");
        FakePath.Held timedOut = p.held.poll();
        timedOut.callback().completed(timedOut.command(), ScsiResult.GOOD);
        assertEquals(PathState.DOWN, f.team("lu").paths().get(0).state(), "and its late answer is ignored");
        assertFalse(p.held.isEmpty(), "a fresh probe is out, one interval after the last");
    }

    @Test
    void adaptiveTimeoutFollowsObservedLatency() {
        PathCounters counters = new PathCounters();
        FailoverSettings s = FailoverSettings.defaults();
        assertEquals(4 * s.commandTimeoutFloorNanos(), TimeoutPolicy.timeoutNanos(counters, s), "no samples: 4 x the floor");
        for (int i = 0; i < 100; i++) {
            counters.recordLatency(1_000_000); // 1 ms
        }
        assertEquals(s.commandTimeoutFloorNanos(), TimeoutPolicy.timeoutNanos(counters, s), "fast path: the floor");
        for (int i = 0; i < 200; i++) {
            counters.recordLatency(400_000_000); // 400 ms under saturation
        }
        long t = TimeoutPolicy.timeoutNanos(counters, s);
        assertTrue(t >= 1_600_000_000L && t <= s.commandTimeoutNanos(), "a saturated path gets about 4x its latency: " + t);
    }

    @Test
    void aPathErrorIsCountedOnlyOnce() {
        Fixture f = new Fixture();
        FakePath p = f.add(new FakePath("p", "hba0", "lu"));
        f.add(new FakePath("q", "hba1", "lu"));
        p.mode = FakePath.Mode.HOLD;
        TeamImpl team = f.team("lu");
        team.submit(Fixture.write(512));
        team.submit(Fixture.write(512));
        p.failHeld(PathException.Reason.TRANSPORT);
        assertEquals(1, f.count(TeamEvents.PATH_DOWN), "two failed commands on one path raise one DOWN event");
    }

    @Test
    void aTeamConfigurationOverridesTheGlobalFailbackAndNoPathRetry() throws Exception {
        Fixture f = new Fixture(FailoverSettings.defaults().withFailback(Failback.MANUAL, 0));
        FakePath p = f.add(new FakePath("p", "hba0", "lu"));
        f.add(new FakePath("q", "hba1", "lu"));
        f.registry.applyTeamConfig("c", TeamSettings.from(Configs.of(TeamConfiguration.class,
                java.util.Map.of("luIdentity", "lu", "failback", "immediate", "noPathRetryMs", 250L))));
        TeamImpl team = f.team("lu");
        assertEquals(250L, team.noPathRetryMs(), "the team's own noPathRetryMs wins");
        p.report(PathState.DOWN);
        p.report(PathState.UP);
        assertEquals(PathState.UP, team.paths().get(0).state(), "the team's immediate failback wins over the global manual");
    }
}
