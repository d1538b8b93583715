package org.hbateam.driver.iscsi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.driver.iscsi.internal.fake.FakeTarget;
import org.hbateam.driver.iscsi.internal.login.ChapCredentials;
import org.hbateam.driver.iscsi.internal.login.Proposal;
import org.junit.jupiter.api.Test;

/**
 * An abort of a command on a connection that has been silent drops the connection instead of queueing an
 * ABORT TASK behind the command: on a cut link both would reach the target when it returns, after the caller
 * retried the command elsewhere, and a stale write would overwrite newer data.
 */
class SilentAbortTest {
    private static final Proposal DEFAULTS = new Proposal(false, false, 65536, 262144, 65536, false, true, 1);

    @Test
    void anAbortOnASilentConnectionDropsItRatherThanSendingAbortTask() throws Exception {
        FakeTarget target = new FakeTarget();
        // NOP pings only after 10 s: nothing refreshes the connection while the command hangs.
        try (Harness h = new Harness(target, ChapCredentials.none(), DEFAULTS, 10000, 10000)) {
            IscsiPath path = h.start();
            target.onNextRead.set((connection, command) -> { });
            ScsiCommand command = ScsiCommand.read(Cdb.read16(0, 1), ByteBuffer.allocate(512));
            Commands.Counting callback = new Commands.Counting();
            path.submit(command, callback);
            // Silence well past the 200 ms threshold (TaskManagement.SILENT_ABORT_NANOS); the assertions are on
            // what the abort does, not on time.
            Thread.sleep(500);
            path.abort(command);
            PathException error = assertInstanceOf(PathException.class, callback.outcome(), "the command must fail");
            assertEquals(PathException.Reason.TIMEOUT, error.reason(), "the silent connection is presumed dead: " + error);
            assertTrue(error.getMessage().contains("silent"), "the message says why: " + error.getMessage());
            assertEquals(0, target.taskManagementRequests.get(), "no ABORT TASK was queued behind the command");
            assertTrue(h.nextState().startsWith("DOWN"), "the connection was dropped");
            assertEquals(1, callback.calls.get(), "exactly one callback");
        }
    }
}
