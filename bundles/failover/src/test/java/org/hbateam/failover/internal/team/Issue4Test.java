package org.hbateam.failover.internal.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.hbateam.api.path.PathState;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.failover.admin.TeamStatus;
import org.hbateam.failover.internal.StatusSnapshots;
import org.hbateam.failover.internal.config.Configs;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.failover.internal.config.TeamConfiguration;
import org.hbateam.failover.internal.config.TeamSettings;
import org.hbateam.failover.internal.events.TeamEvents;
import org.hbateam.failover.internal.health.TimeoutPolicy;
import org.junit.jupiter.api.Test;

/** Issue 4 at unit level: path groups, mode fallback, black-hole detection, operator control. */
class Issue4Test {
    private final Fixture f = new Fixture();

    private void write(TeamImpl team, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            assertEquals(ScsiResult.GOOD, team.execute(Fixture.write(4096)), "writes complete");
        }
    }

    @Test
    void ioStaysInTheBestPriorityGroupWhileItHasAUsablePath() throws Exception {
        FakePath a = f.add(new FakePath("a", "hba0", "lu"));
        FakePath b = f.add(new FakePath("b", "hba1", "lu"));
        FakePath c = f.add(new FakePath("c", "hba2", "lu"));
        f.registry.applyTeamConfig("cfg", TeamSettings.from(Configs.of(TeamConfiguration.class,
                Map.of("luIdentity", "lu", "priorityGroups", new String[] {"hba1,hba2", "hba0"}))));
        f.registry.teamBalancer("cfg", Fixture.tinyStatic(), "static");
        TeamImpl team = f.team("lu");
        write(team, 20);
        assertEquals(0, a.submitted.get(), "the lower group carries nothing while the best group is usable");
        assertEquals(10, b.submitted.get(), "the best group balances: b");
        assertEquals(10, c.submitted.get(), "the best group balances: c");
        b.report(PathState.DOWN);
        c.report(PathState.DOWN);
        write(team, 5);
        assertEquals(5, a.submitted.get(), "with the best group down the next group takes over");
    }

    @Test
    void balanceModeFallsBackToFailoverOnlyWhenOnePathRemains() throws Exception {
        FakePath a = f.add(new FakePath("a", "hba0", "lu"));
        FakePath b = f.add(new FakePath("b", "hba1", "lu"));
        int[] selects = new int[1];
        f.registry.defaultBalancer(new org.hbateam.api.balancer.BalancerFactory() {
            @Override
            public org.hbateam.api.balancer.Balancer create(org.hbateam.api.balancer.TeamView view) {
                return new Fixture.TinyStaticBalancer() {
                    @Override
                    public int select(org.hbateam.api.balancer.PathSet paths, org.hbateam.api.scsi.Direction d, long bytes) {
                        selects[0]++;
                        return super.select(paths, d, bytes);
                    }
                };
            }
        });
        TeamImpl team = f.team("lu");
        write(team, 4);
        assertEquals(4, selects[0], "with two usable paths the balancer chooses");
        a.report(PathState.DOWN);
        write(team, 4);
        assertEquals(4, selects[0], "with one usable path the team routes failover-only, without asking the balancer");
        assertEquals(6, b.submitted.get(), "the survivor carries everything");
    }

    @Test
    void aSilentBlackHoleOnAFastPathIsDetectedAtTheTimeoutFloor() throws Exception {
        FakePath a = f.add(new FakePath("a", "hba0", "lu"));
        FakePath b = f.add(new FakePath("b", "hba1", "lu"));
        TeamImpl team = f.team("lu");
        for (int i = 0; i < 50; i++) {   // 1 ms per command: the path's latency is learnt
            a.mode = FakePath.Mode.HOLD;
            CompletableFuture<ScsiResult> r = team.submit(Fixture.write(512)).toCompletableFuture();
            f.advanceMillis(1);
            a.completeHeld(ScsiResult.GOOD);
            assertTrue(r.isDone(), "learning commands complete");
        }
        CompletableFuture<ScsiResult> swallowed = team.submit(Fixture.write(512)).toCompletableFuture();
        long floor = FailoverSettings.defaults().commandTimeoutFloorMs();
        f.advanceMillis(floor - 10);
        f.registry.sweep();
        assertFalse(swallowed.isDone(), "not timed out before the floor");
        f.advanceMillis(20);
        f.registry.sweep();
        assertSame(ScsiResult.GOOD, swallowed.getNow(null), "retried on b right after the floor, long before the ceiling");
        assertEquals(1, a.aborted.get(), "the command was aborted on the black hole");
        assertEquals(1, b.submitted.get(), "and b carried it");
    }

    @Test
    void anOperatorFailedPathStaysOutUntilReinstated() throws Exception {
        FakePath a = f.add(new FakePath("a", "hba0", "lu"));
        FakePath b = f.add(new FakePath("b", "hba1", "lu"));
        TeamImpl team = f.team("lu");
        team.health.operatorFail(team.entry(a));
        a.report(PathState.UP);
        f.advanceMillis(60_000);
        f.registry.sweep();
        write(team, 3);
        assertEquals(3, b.submitted.get(), "an operator-failed path carries nothing, though healthy");
        assertTrue(team.health.operatorReinstate(team.entry(a)), "the operator reinstates it");
        write(team, 1);
        assertEquals(1, a.submitted.get(), "then it is the primary again");
    }

    @Test
    void preferringAPathMakesItThePrimaryAndTheStatusShowsIt() throws Exception {
        f.add(new FakePath("a", "hba0", "lu"));
        FakePath b = f.add(new FakePath("b", "hba1", "lu"));
        TeamImpl team = f.team("lu");
        team.prefer("hba1");
        write(team, 2);
        assertEquals(2, b.submitted.get(), "the preferred adapter's path is the primary");
        b.report(PathState.DOWN);
        TeamStatus status = StatusSnapshots.of(team, f.clock.get());
        assertEquals(1, status.failovers(), "one failover counted");
        assertTrue(status.lastFailoverMillis() > 0, "with its time");
        assertEquals(1, status.usablePaths(), "one usable path left");
        assertEquals("DOWN", status.paths().get(1).driverState(), "b's driver state is shown");
        assertTrue(status.paths().get(1).heldOut(), "and that the team holds it out");
    }

    @Test
    void resetCountersForgetsEstimatesButKeepsTotals() throws Exception {
        FakePath a = f.add(new FakePath("a", "hba0", "lu"));
        TeamImpl team = f.team("lu");
        a.mode = FakePath.Mode.HOLD;
        team.submit(Fixture.write(4096));
        f.advanceMillis(5);
        a.completeHeld(ScsiResult.GOOD);
        team.resetCounters();
        TeamPathSet set = team.pathSet();
        assertEquals(0, set.averageLatencyNanos(0), "the latency estimate is forgotten");
        assertEquals(0, set.windowBytes(0, org.hbateam.api.scsi.Direction.WRITE), "the window restarted");
        assertEquals(4096, set.totalBytes(0, org.hbateam.api.scsi.Direction.WRITE), "the cumulative total stays");
    }

    @Test
    void eventsCarryTheDocumentedProperties() {
        FakePath a = f.add(new FakePath("a", "hba0", "lu"));
        f.add(new FakePath("b", "hba1", "lu"));
        a.report(PathState.DOWN);
        Fixture.Posted down = f.events.stream().filter(e -> e.topic().equals(TeamEvents.PATH_DOWN)).findFirst()
                .orElseThrow(() -> new AssertionError("a DOWN event was posted"));
        assertEquals("lu", down.properties().get("team"), "team property");
        assertEquals("a", down.properties().get("path.id"), "path.id property");
        assertEquals("hba0", down.properties().get("adapter.id"), "adapter.id property");
        assertEquals(1, down.properties().get("usable.paths"), "usable.paths property");
        assertTrue(down.properties().get("timestamp") instanceof Long, "timestamp property");
        assertEquals(1, f.count(TeamEvents.FAILOVER), "a FAILOVER accompanies the DOWN while another path is usable");
    }

    @Test
    void aSaturatedPathThatKeepsCompletingIsNotTimedOutButASilentOneIs() {
        FakePath a = f.add(new FakePath("a", "hba0", "lu"));
        FakePath b = f.add(new FakePath("b", "hba1", "lu"));
        TeamImpl team = f.team("lu");
        a.mode = FakePath.Mode.HOLD;
        for (int i = 0; i < 20; i++) {   // learn a fast path: 1 ms
            team.submit(Fixture.write(512));
            f.advanceMillis(1);
            a.completeHeld(ScsiResult.GOOD);
        }
        for (int i = 0; i < 10; i++) {   // then a burst queues up behind a slow, saturated link
            team.submit(Fixture.write(512));
        }
        for (int i = 0; i < 5; i++) {    // one completion every 400 ms: slow, but alive
            f.advanceMillis(400);
            FakePath.Held oldest = a.held.poll();
            oldest.callback().completed(oldest.command(), ScsiResult.GOOD);
            f.registry.sweep();
        }
        assertEquals(0, a.aborted.get(), "commands older than the adaptive timeout on a path that keeps completing are not timed out");
        assertEquals(0, b.submitted.get(), "nothing was moved to b");
        assertTrue(TimeoutPolicy.timeoutNanos(team.pathSet().entry(0).counters, FailoverSettings.defaults()) > 1_000_000_000L,
                "the adaptive timeout has learnt that the path is slow now");
        f.advanceMillis(FailoverSettings.defaults().commandTimeoutMs());
        f.registry.sweep();
        assertEquals(5, a.aborted.get(), "once the path has fallen silent the waiting commands time out");
        assertEquals(5, b.submitted.get(), "and go to b");
    }
}
