package org.hbateam.driver.iscsi.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hbateam.api.path.CommandCallback;
import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.junit.jupiter.api.Test;

/**
 * The handshake between the writer thread and whoever ends a task: a task that ends while one of its PDUs is being
 * copied from the caller's buffer is called back only once that PDU is out, a finished task is never written
 * again, and a connection's end tells a written command (outcome unknown) from an unwritten one.
 */
class TaskWriteHandshakeTest {
    private final List<Object> outcomes = new CopyOnWriteArrayList<>();
    private final CommandCallback recording = new CommandCallback() {
        @Override
        public void completed(ScsiCommand command, ScsiResult result) {
            outcomes.add(result);
        }

        @Override
        public void failed(ScsiCommand command, PathException error) {
            outcomes.add(error);
        }
    };

    private Task writeTask() {
        return new Task(ScsiCommand.write(Cdb.write16(0, 8), ByteBuffer.allocate(4096)), recording, 0);
    }

    @Test
    void aTaskThatFailsWhileItsDataIsBeingWrittenIsCalledBackOnlyWhenTheWriteEnds() {
        Task task = writeTask();
        assertTrue(task.beginWrite(), "the writer may write a live task");
        PathException aborted = new PathException(PathException.Reason.ABORTED, PathException.Outcome.NOT_EXECUTED, "x");
        task.fail(aborted);
        assertEquals(List.of(), outcomes, "no callback while the writer is still copying from the buffer");
        task.endWrite();
        assertEquals(List.of(aborted), outcomes, "the writer delivers it as soon as the PDU is out");
        assertFalse(task.beginWrite(), "nothing more is written from a finished task's buffer");
        task.complete(ScsiResult.GOOD);
        assertEquals(1, outcomes.size(), "exactly one callback");
    }

    @Test
    void aTaskThatEndsBetweenPdusIsCalledBackAtOnce() {
        Task task = writeTask();
        assertTrue(task.beginWrite(), "the command PDU");
        task.endWrite();
        task.complete(ScsiResult.GOOD);
        assertEquals(List.of(ScsiResult.GOOD), outcomes, "no PDU in progress: called back on the spot");
    }

    @Test
    void aLostConnectionFailsAnUnwrittenTaskNotExecutedAndClosesItsFence() {
        Task task = writeTask();
        PathException lost = new PathException(PathException.Reason.TRANSPORT, "connection lost");
        task.failLost(lost);
        PathException error = (PathException) outcomes.get(0);
        assertEquals(PathException.Outcome.NOT_EXECUTED, error.outcome(), "never written: it cannot run: " + error);
        assertEquals(PathException.Reason.TRANSPORT, error.reason(), "the connection's reason is kept");
        assertTrue(task.fence().isDone(), "a command that never left is fenced at once");
        assertFalse(task.beginWrite(), "and the writer will not send it late");
    }

    @Test
    void aLostConnectionFailsAWrittenTaskUnknownAndLeavesItsFenceOpen() {
        Task task = writeTask();
        assertTrue(task.beginWrite(), "the writer began the command");
        task.endWrite();
        PathException lost = new PathException(PathException.Reason.TRANSPORT, "connection lost");
        task.failLost(lost);
        assertSame(lost, outcomes.get(0), "written: the outcome is unknown");
        assertFalse(task.fence().isDone(), "only the session's end at the target can fence it");
    }
}
