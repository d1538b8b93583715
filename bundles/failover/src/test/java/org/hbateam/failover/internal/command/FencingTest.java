package org.hbateam.failover.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.hbateam.api.path.PathException;
import org.hbateam.api.path.PathState;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.scsi.SenseKey;
import org.hbateam.api.team.TeamException;
import org.hbateam.failover.internal.config.Failback;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.failover.internal.team.FakePath;
import org.hbateam.failover.internal.team.Fixture;
import org.hbateam.failover.internal.team.TeamImpl;
import org.junit.jupiter.api.Test;

/** A command whose outcome on a path is unknown goes elsewhere only once that path has fenced it. */
class FencingTest {
    private static final long FENCE_MS = 2000;

    private final Fixture f = new Fixture(FailoverSettings.defaults().withFailback(Failback.IMMEDIATE, 0)
            .withFencing(FENCE_MS, 15000));
    private final FakePath p1 = f.add(new FakePath("p1", "hba0", "lu"));
    private final FakePath p2 = f.add(new FakePath("p2", "hba1", "lu"));
    private final TeamImpl team = f.team("lu");
    private final List<String> journal = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> fence = new CompletableFuture<>();

    FencingTest() {
        p1.journal = journal;
        p2.journal = journal;
        p1.mode = FakePath.Mode.HOLD;
        p1.fence = fence;
    }

    @Test
    void anUnknownOutcomeIsAbortedFirstAndRetriedOnlyOnceFenced() {
        CompletableFuture<ScsiResult> result = team.submit(Fixture.write(4096)).toCompletableFuture();
        p1.failHeld(PathException.Reason.TRANSPORT, PathException.Outcome.UNKNOWN);
        assertEquals(1, p1.aborted.get(), "the command was aborted on the path where its outcome is unknown");
        assertEquals(0, p2.submitted.get(), "and not retried while the fence is open");
        assertFalse(result.isDone(), "the caller waits");
        f.advanceMillis(FENCE_MS - 1);
        f.registry.sweep();
        assertEquals(0, p2.submitted.get(), "still no retry just before the fence timeout");
        fence.complete(null);
        assertEquals(ScsiResult.GOOD, result.getNow(null), "once fenced, the retry on p2 answered");
        assertEquals(List.of("p1 submit", "p1 abort", "p2 submit"), journal, "abort before the retry, never after");
        assertEquals(1, p1.aborted.get(), "one abort for the one abandoned attempt");
        assertEquals(1, team.flow.fenceLog().fencedCount(), "the fence is counted");
    }

    @Test
    void aCommandThatWasNeverExecutedIsRetriedAtOnceWithoutAnAbort() {
        CompletableFuture<ScsiResult> result = team.submit(Fixture.write(4096)).toCompletableFuture();
        p1.failHeld(PathException.Reason.TRANSPORT, PathException.Outcome.NOT_EXECUTED);
        assertEquals(ScsiResult.GOOD, result.getNow(null), "retried on p2 at once");
        assertEquals(0, p1.aborted.get(), "nothing to fence: it never ran");
        assertEquals(PathState.DOWN, team.paths().get(0).state(), "p1 is still failed");
    }

    @Test
    void aFenceThatNeverComesFailsTheCommandAfterTheFenceTimeoutAndItIsNeverResent() {
        CompletableFuture<ScsiResult> result = team.submit(Fixture.write(4096)).toCompletableFuture();
        p1.failHeld(PathException.Reason.TRANSPORT);
        f.advanceMillis(FENCE_MS);
        f.registry.sweep();
        TeamException error = failure(result);
        assertTrue(error.getMessage().contains("could not be fenced on path p1 within fenceTimeoutMs=" + FENCE_MS)
                && error.getMessage().contains("not retried, its outcome is unknown"), "a clear message: " + error.getMessage());
        assertTrue(error.getCause() instanceof PathException, "the path's error is the cause");
        fence.complete(null);
        f.advanceMillis(FENCE_MS);
        f.registry.sweep();
        assertEquals(0, p2.submitted.get(), "a fence that comes after the timeout does not replay the command");
        assertEquals(1, p1.aborted.get(), "and the abort was called once, not on every sweep");
        assertEquals(1, team.flow.fenceLog().timedOutCount(), "the fence timeout is counted");
        assertEquals(0, team.waitingCommands(), "nothing is left waiting");
    }

    @Test
    void aFenceThatFailsIsNoFence() {
        CompletableFuture<ScsiResult> result = team.submit(Fixture.write(4096)).toCompletableFuture();
        p1.failHeld(PathException.Reason.TRANSPORT);
        fence.completeExceptionally(new IllegalStateException("target did not answer the ABORT TASK"));
        f.advanceMillis(FENCE_MS - 1);
        f.registry.sweep();
        assertFalse(result.isDone(), "a failed fence neither retries nor fails the command before the timeout");
        f.advanceMillis(1);
        f.registry.sweep();
        assertTrue(failure(result).getMessage().contains("target did not answer the ABORT TASK"), "the fence's failure is named");
        assertEquals(0, p2.submitted.get(), "never replayed unfenced");
    }

    @Test
    void anAbortWithoutAFenceIsNoFence() {
        p1.abortGivesNoFence = true;
        CompletableFuture<ScsiResult> result = team.submit(Fixture.write(4096)).toCompletableFuture();
        p1.failHeld(PathException.Reason.TIMEOUT);
        f.advanceMillis(FENCE_MS);
        f.registry.sweep();
        assertTrue(failure(result).getMessage().contains("fenceTimeoutMs"), "failed at the fence timeout");
        assertEquals(0, p2.submitted.get(), "never replayed unfenced");
    }

    @Test
    void aTimeoutWithNoAnswerIsFencedThenRetriedAndTheLateAnswerIsIgnored() {
        p2.mode = FakePath.Mode.HOLD;
        AtomicInteger outcomes = new AtomicInteger();
        CompletableFuture<ScsiResult> result = team.submit(Fixture.write(4096)).toCompletableFuture();
        result.whenComplete((r, e) -> outcomes.incrementAndGet());
        f.advanceMillis(FailoverSettings.defaults().commandTimeoutMs() + 1);
        f.registry.sweep();
        assertEquals(1, p1.aborted.get(), "the timed-out command was aborted");
        assertEquals(0, p2.submitted.get(), "and waits for its fence");
        f.registry.sweep();
        assertEquals(1, p1.aborted.get(), "a second sweep does not abort it again");
        fence.complete(null);
        assertEquals(1, p2.held.size(), "fenced: sent on p2");
        ScsiResult second = ScsiResult.good(0);
        p2.completeHeld(second);
        assertEquals(1, p1.completeHeld(ScsiResult.checkCondition(SenseKey.MEDIUM_ERROR, 0x11, 0)), "p1 answers late");
        assertSame(second, result.getNow(null), "the caller has p2's answer");
        assertEquals(1, outcomes.get(), "and got exactly one outcome");
        assertEquals(1, p2.submitted.get(), "the late answer caused nothing more");
    }

    @Test
    void closingTheTeamFailsAFencingCommandOnceAndTheFenceLaterChangesNothing() {
        AtomicInteger outcomes = new AtomicInteger();
        CompletableFuture<ScsiResult> result = team.submit(Fixture.write(4096)).toCompletableFuture();
        result.whenComplete((r, e) -> outcomes.incrementAndGet());
        p1.failHeld(PathException.Reason.TRANSPORT);
        f.registry.close();
        assertTrue(failure(result).getMessage().contains("closed"), "the command failed as the team closed");
        fence.complete(null);
        assertEquals(0, p2.submitted.get(), "no retry after close");
        assertEquals(1, outcomes.get(), "one outcome");
        assertEquals(0, team.waitingCommands(), "nothing is left waiting");
    }

    @Test
    void aPathThatLeavesWhileItsCommandWaitsForTheFenceFailsTheCommand() {
        CompletableFuture<ScsiResult> result = team.submit(Fixture.write(4096)).toCompletableFuture();
        p1.failHeld(PathException.Reason.TRANSPORT);
        f.registry.removePath(p1);
        assertTrue(failure(result).getMessage().contains("when the path left"), "failed, naming why: " + result);
        fence.complete(null);
        assertEquals(0, p2.submitted.get(), "never replayed");
        assertEquals(0, team.waitingCommands(), "nothing is left waiting");
    }

    @Test
    void aPathThatLeavesWithCommandsInFlightIsFencedByItsDriverFirst() {
        CompletableFuture<ScsiResult> result = team.submit(Fixture.write(4096)).toCompletableFuture();
        p1.fence = CompletableFuture.completedFuture(null); // a stopping driver that closes its sessions fences at once
        f.registry.removePath(p1);
        assertEquals(ScsiResult.GOOD, result.getNow(null), "retried on p2 after the fence");
        assertEquals(List.of("p1 submit", "p1 abort", "p2 submit"), journal, "the abort came first");
    }

    private static TeamException failure(CompletableFuture<ScsiResult> result) {
        assertTrue(result.isCompletedExceptionally(), "the command failed: " + result);
        Throwable[] cause = new Throwable[1];
        result.whenComplete((r, e) -> cause[0] = e);
        assertTrue(cause[0] instanceof TeamException, "with a TeamException: " + cause[0]);
        return (TeamException) cause[0];
    }
}
