package org.hbateam.failover.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.hbateam.api.path.PathException;
import org.hbateam.api.path.PathState;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.scsi.SenseKey;
import org.hbateam.api.team.TeamException;
import org.hbateam.failover.internal.StatusSnapshots;
import org.hbateam.failover.internal.config.Failback;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.failover.internal.events.TeamEvents;
import org.hbateam.failover.internal.team.FakePath;
import org.hbateam.failover.internal.team.Fixture;
import org.hbateam.failover.internal.team.TeamImpl;
import org.junit.jupiter.api.Test;

class FailoverTest {
    private final Fixture f = new Fixture();
    private final FakePath p1 = f.add(new FakePath("p1", "hba0", "lu"));
    private final FakePath p2 = f.add(new FakePath("p2", "hba1", "lu"));
    private final TeamImpl team = f.team("lu");

    @Test
    void aFailedInFlightCommandIsRetriedOnTheOtherPath() throws Exception {
        p1.mode = FakePath.Mode.HOLD;
        CompletableFuture<ScsiResult> result = team.submit(Fixture.write(4096)).toCompletableFuture();
        assertFalse(result.isDone(), "the command is in flight on p1");
        p1.failHeld(PathException.Reason.TRANSPORT);
        assertEquals(ScsiResult.GOOD, result.getNow(null), "the retry on p2 answered GOOD and the caller saw no error");
        assertEquals(1, p2.submitted.get(), "the command was retried once on p2");
        assertEquals(PathState.DOWN, team.paths().get(0).state(), "p1 is held out after the path error");
        assertEquals(1, f.count(TeamEvents.FAILOVER), "one FAILOVER event");
    }

    @Test
    void aTimedOutCommandIsAbortedAndRetriedAndTheLateAnswerIsIgnored() throws Exception {
        p1.mode = FakePath.Mode.HOLD;
        p2.mode = FakePath.Mode.HOLD;
        CompletableFuture<ScsiResult> result = team.submit(Fixture.write(4096)).toCompletableFuture();
        f.advanceMillis(FailoverSettings.defaults().commandTimeoutMs() + 1);
        f.registry.sweep();
        assertEquals(1, p1.aborted.get(), "the timed-out command was aborted on p1");
        assertEquals(1, p2.held.size(), "and sent again on p2");
        ScsiResult second = ScsiResult.good(0);
        p2.completeHeld(second);
        assertSame(second, result.getNow(null), "the caller got p2's answer");
        ScsiResult late = ScsiResult.checkCondition(SenseKey.MEDIUM_ERROR, 0x11, 0);
        assertEquals(1, p1.completeHeld(late), "p1 answers late");
        assertSame(second, result.getNow(null), "the late answer changed nothing");
        assertEquals(0, team.pathSet().inFlightCommands(1), "no attempt is left in flight on p2");
    }

    @Test
    void unbindingAPathRetriesItsInFlightCommandsElsewhere() throws Exception {
        p1.mode = FakePath.Mode.HOLD;
        CompletableFuture<ScsiResult> a = team.submit(Fixture.write(4096)).toCompletableFuture();
        CompletableFuture<ScsiResult> b = team.submit(Fixture.read(4096)).toCompletableFuture();
        f.registry.removePath(p1);
        assertEquals(ScsiResult.GOOD, a.getNow(null), "the first in-flight command completed on p2");
        assertEquals(ScsiResult.GOOD, b.getNow(null), "the second too");
        assertEquals(2, p2.submitted.get(), "both went to p2");
        assertEquals(2, p1.failHeld(PathException.Reason.PATH_REMOVED), "the vanished driver calls back late");
        assertEquals(2, p2.submitted.get(), "and the late callbacks caused no further retry");
    }

    @Test
    void aTargetErrorGoesBackUpUnchanged() throws Exception {
        ScsiResult medium = ScsiResult.checkCondition(SenseKey.MEDIUM_ERROR, 0x11, 0x00);
        p1.answer = medium;
        assertSame(medium, team.execute(Fixture.read(4096)), "the target's answer is delivered as it is");
        assertEquals(0, p2.submitted.get(), "a target error is not retried on another path");
        assertEquals(PathState.UP, team.paths().get(0).state(), "and does not fail the path");
    }

    @Test
    void unitAttentionForResetIsRetriedOnceOnTheSamePath() throws Exception {
        ScsiResult reset = ScsiResult.checkCondition(SenseKey.UNIT_ATTENTION, 0x29, 0x00);
        p1.mode = FakePath.Mode.HOLD;
        CompletableFuture<ScsiResult> result = team.submit(Fixture.write(4096)).toCompletableFuture();
        p1.completeHeld(reset);
        assertFalse(result.isDone(), "the UNIT ATTENTION was not delivered");
        assertEquals(2, p1.submitted.get(), "the command went again on the same path");
        p1.completeHeld(reset);
        assertSame(reset, result.getNow(null), "a second UNIT ATTENTION goes up unchanged");
        assertEquals(0, p2.submitted.get(), "the other path was never involved");
    }

    @Test
    void retriesAreBounded() {
        Fixture own = new Fixture(FailoverSettings.defaults().withFailback(Failback.IMMEDIATE, 0));
        FakePath[] paths = new FakePath[4];
        for (int i = 0; i < paths.length; i++) {
            paths[i] = own.add(new FakePath("q" + i, "hba" + i, "lu"));
        }
        TeamImpl t = own.team("lu");
        for (FakePath p : paths) {
            p.mode = FakePath.Mode.HOLD;
        }
        CompletableFuture<ScsiResult> result = t.submit(Fixture.write(512)).toCompletableFuture();
        int max = FailoverSettings.defaults().maxRetries();
        for (int round = 0; round <= max; round++) {
            for (FakePath p : paths) {
                p.failHeld(PathException.Reason.TRANSPORT);
                // The path comes straight back so the command always finds one.
                t.health.reinstate(t.pathSet().entry(t.pathSet().slotOf(entryOf(t, p))), "test");
            }
        }
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, result::get,
                "a command that keeps meeting path errors fails in the end");
        assertTrue(e.getCause() instanceof TeamException && e.getCause().getMessage().contains("maxRetries"),
                "with an error naming the limit: " + e.getCause());
        int sent = 0;
        for (FakePath p : paths) {
            sent += p.submitted.get();
        }
        assertEquals(max + 1, sent, "one first try plus maxRetries retries");
    }

    @Test
    void theTeamStatusCountsEveryRetryButNotFirstTriesOrTargetErrors() throws Exception {
        p1.mode = FakePath.Mode.HOLD;
        CompletableFuture<ScsiResult> a = team.submit(Fixture.write(4096)).toCompletableFuture();
        CompletableFuture<ScsiResult> b = team.submit(Fixture.read(4096)).toCompletableFuture();
        assertEquals(0, StatusSnapshots.of(team, f.clock.get()).retries(), "first tries are not retries");
        p1.failHeld(PathException.Reason.TRANSPORT);
        assertTrue(a.isDone() && b.isDone(), "both commands completed on p2");
        assertEquals(2, StatusSnapshots.of(team, f.clock.get()).retries(), "each command sent again after the path error counts once");

        p2.answer = ScsiResult.checkCondition(SenseKey.MEDIUM_ERROR, 0x11, 0);
        team.execute(Fixture.read(512));
        assertEquals(2, StatusSnapshots.of(team, f.clock.get()).retries(), "a target error is delivered, not retried");

        p2.answer = ScsiResult.checkCondition(SenseKey.UNIT_ATTENTION, 0x29, 0x00);
        team.execute(Fixture.read(512));
        assertEquals(3, StatusSnapshots.of(team, f.clock.get()).retries(), "the one resend after a reset UNIT ATTENTION counts");
    }

    private static PathEntry entryOf(TeamImpl t, FakePath p) {
        return t.entry(p);
    }

    @Test
    void aRetryPrefersAPathNotTriedYet() {
        FakePath p3 = f.add(new FakePath("p3", "hba2", "lu"));
        p1.mode = FakePath.Mode.HOLD;
        p2.mode = FakePath.Mode.HOLD;
        CompletableFuture<ScsiResult> result = team.submit(Fixture.write(512)).toCompletableFuture();
        p1.failHeld(PathException.Reason.TRANSPORT);
        team.health.reinstate(team.entry(p1), "back at once");
        p2.failHeld(PathException.Reason.TRANSPORT);
        assertEquals(ScsiResult.GOOD, result.getNow(null), "the command completed");
        assertEquals(1, p3.submitted.get(), "the third try went to the untried p3, not back to p1");
        assertEquals(1, p1.submitted.get(), "p1 was tried once only");
    }

    @Test
    void aProtocolErrorTakesTheWholeSessionDown() {
        Fixture own = new Fixture();
        FakePath c1 = own.add(new FakePath("c1", "hba0", "lu", "s1"));
        FakePath c2 = own.add(new FakePath("c2", "hba1", "lu", "s1"));
        FakePath other = own.add(new FakePath("c3", "hba2", "lu", "s2"));
        TeamImpl t = own.team("lu");
        c1.mode = FakePath.Mode.HOLD;
        CompletableFuture<ScsiResult> result = t.submit(Fixture.write(512)).toCompletableFuture();
        c1.failHeld(PathException.Reason.PROTOCOL);
        assertEquals(ScsiResult.GOOD, result.getNow(null), "the command completed elsewhere");
        assertEquals(0, c2.submitted.get(), "the other connection of the dead session was not used");
        assertEquals(1, other.submitted.get(), "the other session took over");
        assertEquals(PathState.DOWN, t.paths().get(1).state(), "c2 went down with its session");
    }

    @Test
    void aTransportErrorOnOneConnectionLeavesTheSessionsOtherConnections() {
        Fixture own = new Fixture();
        FakePath c1 = own.add(new FakePath("c1", "hba0", "lu", "s1"));
        FakePath c2 = own.add(new FakePath("c2", "hba1", "lu", "s1"));
        TeamImpl t = own.team("lu");
        c1.mode = FakePath.Mode.HOLD;
        CompletableFuture<ScsiResult> result = t.submit(Fixture.write(512)).toCompletableFuture();
        c1.failHeld(PathException.Reason.TRANSPORT);
        assertEquals(ScsiResult.GOOD, result.getNow(null), "the command completed");
        assertEquals(1, c2.submitted.get(), "the other connection of the same session took over");
    }
}
