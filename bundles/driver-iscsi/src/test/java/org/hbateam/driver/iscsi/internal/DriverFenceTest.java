package org.hbateam.driver.iscsi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.driver.iscsi.internal.fake.FakeTarget;
import org.hbateam.driver.iscsi.internal.login.ChapCredentials;
import org.hbateam.driver.iscsi.internal.login.Proposal;
import org.junit.jupiter.api.Test;

/**
 * The fence that {@link IscsiPath#abort} returns completes only once the command can no longer run at the target:
 * the target confirmed ABORT TASK, or a LOGICAL UNIT RESET after ABORT TASK was refused, or the session that
 * carried the command was reinstated (by its own next login, or through a sibling adapter's live route).
 */
class DriverFenceTest {
    private static final Proposal DEFAULTS = new Proposal(false, false, 65536, 262144, 65536, false, true, 1);
    private static final int ABORT_TASK = 1;
    private static final int LOGICAL_UNIT_RESET = 5;
    /** Longer than any test here: a fence that needs the session's own next login cannot come from it. */
    private static final int NO_OWN_RECONNECT_MS = 60_000;

    @Test
    void aConfirmedAbortTaskFencesTheCommand() throws Exception {
        FakeTarget target = new FakeTarget();
        try (Harness h = new Harness(target, DEFAULTS)) {
            IscsiPath path = h.start();
            Commands.Counting callback = hang(target, path);
            CompletableFuture<Void> fence = path.abort(callback.command).toCompletableFuture();
            fence.get(Harness.GUARD_SECONDS, TimeUnit.SECONDS);
            PathException error = assertInstanceOf(PathException.class, callback.outcome());
            assertEquals(PathException.Outcome.NOT_EXECUTED, error.outcome(), "the target confirmed it will not run");
            assertEquals(List.of(ABORT_TASK), target.taskManagementFunctions);
            assertEquals(1, target.logins.get(), "no reconnect was needed");
        }
    }

    @Test
    void aRefusedAbortTaskIsFencedByALogicalUnitReset() throws Exception {
        FakeTarget target = new FakeTarget();
        target.abortTaskResponse = 5;
        try (Harness h = new Harness(target, DEFAULTS)) {
            IscsiPath path = h.start();
            Commands.Counting callback = hang(target, path);
            path.abort(callback.command).toCompletableFuture().get(Harness.GUARD_SECONDS, TimeUnit.SECONDS);
            assertEquals(List.of(ABORT_TASK, LOGICAL_UNIT_RESET), target.taskManagementFunctions);
            assertInstanceOf(PathException.class, callback.outcome());
        }
    }

    @Test
    void anUnansweredResetDropsTheSessionAndOnlyItsReinstatementFences() throws Exception {
        FakeTarget target = new FakeTarget();
        target.answerTaskManagement = false;
        assertFencedOnlyByReinstatement(target);
    }

    @Test
    void aTargetThatDoesNotKnowAnUnansweredTaskIsFencedOnlyByReinstatement() throws Exception {
        FakeTarget target = new FakeTarget();
        target.abortTaskResponse = 1; // "task does not exist", although the command was sent and never answered
        assertFencedOnlyByReinstatement(target);
    }

    /** The abort of a hung command drops the session; the fence comes only with the login that reinstates it. */
    private static void assertFencedOnlyByReinstatement(FakeTarget target) throws Exception {
        try (Harness h = new Harness(target, "hba0", ChapCredentials.none(), DEFAULTS, 1000, 3000, 3000, 3000,
                new SessionDirectory())) {
            IscsiPath path = h.start();
            Commands.Counting callback = hang(target, path);
            CompletableFuture<Void> fence = path.abort(callback.command).toCompletableFuture();
            PathException error = assertInstanceOf(PathException.class, callback.outcome());
            assertEquals(PathException.Outcome.UNKNOWN, error.outcome(), "dropped with the command unanswered: " + error);
            assertEquals(1, target.logins.get(), "the fence is still open: no login has reinstated the session yet");
            assertFalse(fence.isDone(), "the command may still run until the session is reinstated");
            fence.get(Harness.GUARD_SECONDS, TimeUnit.SECONDS);
            assertEquals(2, target.logins.get(), "the fence came with the reconnect");
            assertEquals(target.loginIsids.get(0), target.loginIsids.get(1), "the reconnect reinstated the same ISID");
        }
    }

    @Test
    void aSilentConnectionsCommandIsFencedByReinstatementThroughASibling() throws Exception {
        FakeTarget target = new FakeTarget();
        SessionDirectory directory = new SessionDirectory();
        try (Harness cut = new Harness(target, "hba0", ChapCredentials.none(), DEFAULTS, 10000, 10000,
                NO_OWN_RECONNECT_MS, NO_OWN_RECONNECT_MS, directory);
             Harness sibling = new Harness(target, "hba1", ChapCredentials.none(), DEFAULTS, 100, 3000, 50, 1000, directory)) {
            IscsiPath path = cut.start();
            sibling.start();
            Commands.Counting callback = hang(target, path);
            awaitSilence(path);
            CompletableFuture<Void> fence = path.abort(callback.command).toCompletableFuture();
            fence.get(Harness.GUARD_SECONDS, TimeUnit.SECONDS);
            assertEquals(0, target.taskManagementRequests.get(), "nothing was queued behind the silent command");
            assertEquals(3, target.logins.get(), "both adapters, then the proxy login");
            assertEquals(target.loginIsids.get(0), target.loginIsids.get(2), "the proxy reinstated the dead session's ISID");
            assertTrue(target.logouts.get() >= 1, "the proxy session logged out");
            assertEquals(PathException.Outcome.UNKNOWN, assertInstanceOf(PathException.class, callback.outcome()).outcome());
        }
    }

    @Test
    void aPathThatNeverHadASessionNeverSentTheCommand() throws Exception {
        IscsiPath path = new IscsiPath("p", "hba0", FakeTarget.IQN, 0, "id", "s");
        ScsiCommand command = ScsiCommand.read(Cdb.read16(0, 1), ByteBuffer.allocate(512));
        assertTrue(path.abort(command).toCompletableFuture().isDone());
    }

    /** Submits a READ the target never answers. */
    private static Commands.Counting hang(FakeTarget target, IscsiPath path) {
        target.onNextRead.set((connection, command) -> { });
        Commands.Counting callback = new Commands.Counting(ScsiCommand.read(Cdb.read16(0, 1), ByteBuffer.allocate(512)));
        path.submit(callback.command, callback);
        return callback;
    }

    /**
     * Lets the connection stay silent well past the 200 ms after which an abort drops it rather than queueing an
     * ABORT TASK (TaskManagement.SILENT_ABORT_NANOS); the assertions are on what the abort did, not on time.
     */
    private static void awaitSilence(IscsiPath path) throws InterruptedException {
        assertNotNull(path.parameters(), "logged in");
        Thread.sleep(500);
    }
}
