package org.hbateam.failover.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.hbateam.api.path.PathState;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.team.NoUsablePathException;
import org.hbateam.api.team.TeamException;
import org.hbateam.failover.internal.config.Failback;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.failover.internal.events.TeamEvents;
import org.hbateam.failover.internal.team.FakePath;
import org.hbateam.failover.internal.team.Fixture;
import org.hbateam.failover.internal.team.TeamImpl;
import org.junit.jupiter.api.Test;

class NoPathQueueTest {
    private final Fixture f = new Fixture(FailoverSettings.defaults().withFailback(Failback.IMMEDIATE, 0).withNoPathRetryMs(1000));
    private final FakePath p1 = f.add(new FakePath("p1", "hba0", "lu"));
    private final FakePath p2 = f.add(new FakePath("p2", "hba1", "lu"));
    private final TeamImpl team = f.team("lu");

    private List<CompletableFuture<ScsiResult>> submitMany(int n, AtomicInteger outcomes) {
        List<CompletableFuture<ScsiResult>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CompletableFuture<ScsiResult> future = team.submit(Fixture.write(512)).toCompletableFuture();
            future.whenComplete((r, e) -> outcomes.incrementAndGet());
            futures.add(future);
        }
        return futures;
    }

    @Test
    void commandsWaitForAPathAndGoAtOnceWhenOneComesBack() {
        p1.report(PathState.DOWN);
        p2.report(PathState.DOWN);
        assertEquals(1, f.count(TeamEvents.ALL_PATHS_DOWN), "all paths down is reported once");
        AtomicInteger outcomes = new AtomicInteger();
        List<CompletableFuture<ScsiResult>> futures = submitMany(5, outcomes);
        f.advanceMillis(500);
        f.registry.sweep();
        assertEquals(0, outcomes.get(), "within noPathRetryMs nothing fails");
        p2.report(PathState.UP);
        assertEquals(5, outcomes.get(), "all waiting commands completed as soon as p2 came back");
        assertTrue(futures.stream().allMatch(fu -> fu.getNow(null) == ScsiResult.GOOD), "every one GOOD");
        assertEquals(5, p2.submitted.get(), "each was sent once, on p2");
    }

    @Test
    void withStableFailbackTheFirstPathBackAfterAllWereDownResumesAtOnceButTheSecondWaits() {
        Fixture own = new Fixture(FailoverSettings.defaults().withFailback(Failback.STABLE, 5000).withNoPathRetryMs(1000));
        FakePath a = own.add(new FakePath("a", "hba0", "lu"));
        FakePath b = own.add(new FakePath("b", "hba1", "lu"));
        TeamImpl t = own.team("lu");
        a.report(PathState.DOWN);
        b.report(PathState.DOWN);
        CompletableFuture<ScsiResult> waiting = t.submit(Fixture.write(512)).toCompletableFuture();
        own.advanceMillis(100);
        own.registry.sweep();
        a.report(PathState.UP);
        assertEquals(ScsiResult.GOOD, waiting.getNow(null), "with no usable path, the first one back is used at once");
        assertEquals(1, a.submitted.get(), "the waiting command went out on a");
        b.report(PathState.UP);
        own.advanceMillis(100);
        own.registry.sweep();
        assertFalse(t.pathSet().usable(t.pathSet().slotOf(t.entry(b))),
                "while a path is usable, the next one back waits for failbackStableMs as usual");
    }

    @Test
    void pastTheRetryTimeEachWaitingCommandFailsOnceNamingTheTeam() {
        p1.report(PathState.DOWN);
        p2.report(PathState.DOWN);
        AtomicInteger outcomes = new AtomicInteger();
        List<CompletableFuture<ScsiResult>> futures = submitMany(3, outcomes);
        f.advanceMillis(999);
        f.registry.sweep();
        assertEquals(0, outcomes.get(), "not yet expired at 999 ms");
        f.advanceMillis(2);
        f.registry.sweep();
        f.registry.sweep();
        assertEquals(3, outcomes.get(), "every waiting command got exactly one outcome");
        for (CompletableFuture<ScsiResult> future : futures) {
            ExecutionException e = assertThrows(ExecutionException.class, future::get, "expired commands fail");
            assertTrue(e.getCause() instanceof NoUsablePathException, "with NoUsablePathException: " + e.getCause());
            assertTrue(e.getCause().getMessage().contains("team lu"), "naming the team: " + e.getCause().getMessage());
        }
        p1.report(PathState.UP);
        assertEquals(0, p1.submitted.get(), "an expired command is never sent later");
    }

    @Test
    void closingTheTeamFailsWaitingAndInFlightCommandsOnce() {
        p1.mode = FakePath.Mode.HOLD;
        AtomicInteger outcomes = new AtomicInteger();
        CompletableFuture<ScsiResult> inFlight = submitMany(1, outcomes).get(0);
        p1.report(PathState.DOWN);
        p2.report(PathState.DOWN);
        CompletableFuture<ScsiResult> waiting = submitMany(1, outcomes).get(0);
        assertFalse(waiting.isDone(), "the second command waits");
        f.registry.close();
        assertEquals(2, outcomes.get(), "both commands got their outcome at shutdown");
        ExecutionException e = assertThrows(ExecutionException.class, waiting::get, "the waiting command failed");
        assertTrue(e.getCause() instanceof TeamException, "with a TeamException");
        p1.completeHeld(ScsiResult.GOOD);
        assertEquals(2, outcomes.get(), "a late answer after shutdown adds no outcome");
        assertTrue(inFlight.isCompletedExceptionally(), "the in-flight command failed cleanly");
    }

    @Test
    void aDriverRestartedWithinTheRetryTimeLosesNoCommand() {
        p1.mode = FakePath.Mode.HOLD;
        p2.mode = FakePath.Mode.HOLD;
        AtomicInteger outcomes = new AtomicInteger();
        List<CompletableFuture<ScsiResult>> futures = submitMany(4, outcomes);
        f.registry.removePath(p1);
        f.registry.removePath(p2);
        assertTrue(f.registry.teams().isEmpty(), "a team without paths is not listed");
        assertEquals(0, outcomes.get(), "its in-flight commands wait instead of failing");
        f.advanceMillis(500);
        f.registry.sweep();
        FakePath again = f.add(new FakePath("p1", "hba0", "lu"));
        assertEquals(4, outcomes.get(), "the restarted driver's path took the waiting commands at once");
        assertTrue(futures.stream().allMatch(fu -> fu.getNow(null) == ScsiResult.GOOD), "all GOOD");
        assertEquals(4, again.submitted.get(), "each sent once on the new path");
        assertEquals(1, f.registry.teams().size(), "the team is listed again");
    }

    @Test
    void aTeamWhosePathsNeverReturnIsGoneOnceItsCommandsExpired() {
        p1.mode = FakePath.Mode.HOLD;
        AtomicInteger outcomes = new AtomicInteger();
        submitMany(2, outcomes);
        f.registry.removePath(p1);
        f.registry.removePath(p2);
        f.advanceMillis(1001);
        f.registry.sweep();
        assertEquals(2, outcomes.get(), "the waiting commands failed once, after noPathRetryMs");
        f.add(new FakePath("p9", "hba9", "lu"));
        assertTrue(f.team("lu") != team, "a path joining later forms a new team: the old one was closed");
    }

    @Test
    void aCallerHoldingTheTeamCanKeepSubmittingWhileItsDriverRestarts() {
        f.registry.removePath(p1);
        f.registry.removePath(p2);
        AtomicInteger outcomes = new AtomicInteger();
        CompletableFuture<ScsiResult> later = submitMany(1, outcomes).get(0);
        assertFalse(later.isDone(), "a command submitted to the dormant team waits");
        f.advanceMillis(900);
        f.registry.sweep();
        f.add(new FakePath("p1", "hba0", "lu"));
        assertEquals(ScsiResult.GOOD, later.getNow(null), "the restarted driver's path served it");
        assertTrue(f.team("lu") == team, "the same team object carries on");
    }
}
