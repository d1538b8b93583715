package org.hbateam.failover.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.hbateam.api.path.PathState;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.scsi.ScsiStatus;
import org.hbateam.api.scsi.SenseData;
import org.hbateam.api.scsi.SenseKey;
import org.hbateam.failover.internal.config.Failback;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.failover.internal.events.TeamEvents;
import org.hbateam.failover.internal.team.FakePath;
import org.hbateam.failover.internal.team.Fixture;
import org.hbateam.failover.internal.team.TeamImpl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The target's "not now" answers are sent again after a backoff; everything else goes up; no path changes. */
class TargetRetryTest {
    private static final long BUDGET_MS = 3000;

    private final Fixture f = new Fixture(FailoverSettings.defaults().withFailback(Failback.IMMEDIATE, 0)
            .withFencing(30000, BUDGET_MS));
    private final FakePath p1 = f.add(new FakePath("p1", "hba0", "lu"));
    private final FakePath p2 = f.add(new FakePath("p2", "hba1", "lu"));
    private final TeamImpl team = f.team("lu");

    static Stream<ScsiResult> retried() {
        return Stream.of(
                status(ScsiStatus.BUSY),
                status(ScsiStatus.TASK_SET_FULL),
                ScsiResult.checkCondition(SenseKey.ABORTED_COMMAND, 0x00, 0x00),
                ScsiResult.checkCondition(SenseKey.ABORTED_COMMAND, 0x47, 0x03),
                ScsiResult.checkCondition(SenseKey.ABORTED_COMMAND, 0x4B, 0x00),
                ScsiResult.checkCondition(SenseKey.NOT_READY, 0x04, 0x01),
                ScsiResult.checkCondition(SenseKey.NOT_READY, 0x04, 0x0A),
                ScsiResult.checkCondition(SenseKey.UNIT_ATTENTION, 0x2A, 0x09),
                ScsiResult.checkCondition(SenseKey.UNIT_ATTENTION, 0x3F, 0x0E));
    }

    static Stream<ScsiResult> passedUp() {
        return Stream.of(
                status(ScsiStatus.RESERVATION_CONFLICT),
                ScsiResult.checkCondition(SenseKey.MEDIUM_ERROR, 0x11, 0x00),
                ScsiResult.checkCondition(SenseKey.ILLEGAL_REQUEST, 0x24, 0x00),
                ScsiResult.checkCondition(SenseKey.NOT_READY, 0x04, 0x02),
                ScsiResult.checkCondition(SenseKey.NOT_READY, 0x3A, 0x00),
                ScsiResult.checkCondition(SenseKey.HARDWARE_ERROR, 0x44, 0x00),
                ScsiResult.checkCondition(SenseKey.DATA_PROTECT, 0x27, 0x00));
    }

    @ParameterizedTest
    @MethodSource("retried")
    void aNotNowAnswerIsSentAgainAfterItsBackoffAndTheCallerSeesOnlyTheSuccess(ScsiResult notNow) {
        p1.script.add(notNow);
        p2.script.add(notNow);
        CompletableFuture<ScsiResult> result = team.submit(Fixture.write(4096)).toCompletableFuture();
        assertFalse(result.isDone(), notNow + " is not delivered");
        assertEquals(1, sent(), "and not resent before its backoff");
        f.advanceMillis(10);
        f.registry.sweep();
        assertEquals(2, sent(), "resent once the 10 ms backoff is over");
        if (!result.isDone()) {          // the resend met the other path's scripted answer: one more round
            f.advanceMillis(20);
            f.registry.sweep();
        }
        assertEquals(ScsiResult.GOOD, result.getNow(null), "the caller got the success");
        assertPathsUntouched();
    }

    @ParameterizedTest
    @MethodSource("passedUp")
    void otherAnswersGoUpAtOnce(ScsiResult answer) {
        p1.answer = answer;
        p2.answer = answer;
        CompletableFuture<ScsiResult> result = team.submit(Fixture.write(4096)).toCompletableFuture();
        assertSame(answer, result.getNow(null), answer + " is delivered as it is");
        assertEquals(1, sent(), "and not resent");
        assertPathsUntouched();
    }

    @Test
    void whenTheBudgetRunsOutTheLastAnswerIsDelivered() {
        ScsiResult busy = status(ScsiStatus.BUSY);
        p1.answer = busy;
        p2.answer = busy;
        CompletableFuture<ScsiResult> result = team.submit(Fixture.write(4096)).toCompletableFuture();
        long waitedMs = 0;
        while (!result.isDone() && waitedMs <= BUDGET_MS) {
            f.advanceMillis(10);
            waitedMs += 10;
            f.registry.sweep();
        }
        assertSame(busy, result.getNow(null), "the target's last answer, not an invented exception");
        assertTrue(waitedMs <= BUDGET_MS, "within the budget: " + waitedMs + " ms");
        assertTrue(waitedMs >= BUDGET_MS / 2, "after trying for most of it: " + waitedMs + " ms");
        // 10+20+...+640 ms, then 1 s steps: about 9 or 10 sends in 3 s, not one per sweep.
        assertTrue(sent() >= 6 && sent() <= 12, "backoff doubles up to 1 s: " + sent() + " sends");
        assertPathsUntouched();
    }

    @Test
    void aResetUnitAttentionKeepsItsOneResendOnTheSamePath() {
        ScsiResult reset = ScsiResult.checkCondition(SenseKey.UNIT_ATTENTION, 0x29, 0x00);
        p1.answer = reset;
        CompletableFuture<ScsiResult> result = team.submit(Fixture.write(4096)).toCompletableFuture();
        assertSame(reset, result.getNow(null), "the second 29/00 goes up without a backoff");
        assertEquals(2, p1.submitted.get(), "after one resend on the same path");
    }

    @Test
    void aBackingOffCommandKeepsItsTeamCountedAsWaiting() {
        p1.script.add(status(ScsiStatus.TASK_SET_FULL));
        team.submit(Fixture.write(4096));
        assertEquals(1, team.waitingCommands(), "a command in its backoff counts as waiting (a dormant team is kept)");
        f.advanceMillis(10);
        f.registry.sweep();
        assertEquals(0, team.waitingCommands(), "and no longer once sent");
    }

    private int sent() {
        return p1.submitted.get() + p2.submitted.get();
    }

    private void assertPathsUntouched() {
        assertEquals(PathState.UP, team.paths().get(0).state(), "a target's answer never fails p1");
        assertEquals(PathState.UP, team.paths().get(1).state(), "nor p2");
        assertEquals(0, f.count(TeamEvents.PATH_DOWN), "no path went down");
    }

    private static ScsiResult status(int status) {
        return new ScsiResult(status, SenseData.of(null), 0);
    }
}
