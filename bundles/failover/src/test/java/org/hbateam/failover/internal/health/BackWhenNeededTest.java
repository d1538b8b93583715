package org.hbateam.failover.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;

import org.hbateam.api.path.PathState;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.failover.internal.config.Failback;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.failover.internal.events.TeamEvents;
import org.hbateam.failover.internal.team.FakePath;
import org.hbateam.failover.internal.team.Fixture;
import org.hbateam.failover.internal.team.TeamImpl;
import org.junit.jupiter.api.Test;

/**
 * While no path is usable, a path that is back carries the waiting commands at once: the delays that protect a
 * healthy team from a flapping path (stable failback, flaky hold-down) only make those commands fail.
 */
class BackWhenNeededTest {
    private static final long HOLD_DOWN_MS = 600_000;

    private final Fixture f = new Fixture(FailoverSettings.defaults().withFailback(Failback.STABLE, 5000)
            .withFlaky(1, 60_000, HOLD_DOWN_MS));
    private final FakePath p = f.add(new FakePath("p", "hba0", "lu"));
    private final FakePath q = f.add(new FakePath("q", "hba1", "lu"));
    private final TeamImpl team = f.team("lu");

    @Test
    void aHeldDownPathComesBackAtOnceWhenItsDriverReportsUpWhileCommandsWait() {
        makeFlaky(p);
        q.report(PathState.DOWN);
        CompletableFuture<ScsiResult> waiting = team.submit(Fixture.write(4096)).toCompletableFuture();
        p.report(PathState.DOWN);
        assertFalse(waiting.isDone(), "the command waits: no path is usable");
        p.report(PathState.UP);
        assertEquals(ScsiResult.GOOD, waiting.getNow(null), "the path the driver reports UP carried it at once");
        assertEquals(PathState.UP, team.paths().get(0).state(), "p is back despite its hold-down and the stable time");
    }

    @Test
    void aHeldDownPathThatLooksHealthyTakesOverWhenTheLastUsablePathFails() {
        makeFlaky(p);
        p.report(PathState.UP); // the driver says UP while the team holds it down: evidence of health, no failback
        assertEquals(PathState.DOWN, team.paths().get(0).state(), "held down while q carries the I/O");
        q.mode = FakePath.Mode.HOLD;
        CompletableFuture<ScsiResult> inFlight = team.submit(Fixture.write(4096)).toCompletableFuture();
        q.report(PathState.DOWN);
        assertEquals(PathState.UP, team.paths().get(0).state(), "p took over the moment q went down");
        q.failHeld(org.hbateam.api.path.PathException.Reason.PATH_DOWN);
        assertEquals(ScsiResult.GOOD, inFlight.getNow(null), "and carried q's command without a wait");
    }

    @Test
    void aHeldDownPathWithoutNewsIsProbedSoonWhileCommandsWait() {
        makeFlaky(p);
        p.report(PathState.UP);
        team.entry(p).health.sawUnhealthy(); // say a probe failed since: no evidence of health is left
        q.report(PathState.DOWN);
        CompletableFuture<ScsiResult> waiting = team.submit(Fixture.write(4096)).toCompletableFuture();
        assertFalse(waiting.isDone(), "no usable path yet");
        int probesBefore = p.probes.get();
        f.advanceMillis(PathProber.NEEDED_INTERVAL_NANOS / 1_000_000);
        f.registry.sweep();
        assertEquals(probesBefore + 1, p.probes.get(), "the held-down path was probed although its hold-down has long to run");
        assertEquals(ScsiResult.GOOD, waiting.getNow(null), "its answer brought it back for the waiting command");
    }

    @Test
    void theHoldDownStillAppliesWhileAnotherPathIsUsable() {
        makeFlaky(p);
        p.report(PathState.UP);
        f.advanceMillis(10_000);
        f.registry.sweep();
        assertEquals(PathState.DOWN, team.paths().get(0).state(), "a flaky path stays down while q carries the I/O");
    }

    /** Two failures within the window with K=1: held down for {@link #HOLD_DOWN_MS}. */
    private void makeFlaky(FakePath path) {
        path.report(PathState.DOWN);
        path.report(PathState.UP);
        f.advanceMillis(5001);
        f.registry.sweep();
        assertEquals(PathState.UP, team.entry(path).displayState(), "back after the stable time");
        path.report(PathState.DOWN);
        assertEquals(1, f.count(TeamEvents.FLAKY), "the path is flaky");
    }
}
