package org.hbateam.driver.iscsi.internal.session;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.driver.iscsi.internal.connection.ControlPdu;
import org.hbateam.driver.iscsi.internal.pdu.Opcode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task management (RFC 7143 11.5, 11.6): ABORT TASK for one command and LOGICAL UNIT RESET for a unit.
 * When the target confirms (function complete, or task unknown for an abort), the affected commands that
 * are still held fail with ABORTED and their fences close; a command whose real answer arrived first keeps
 * that answer. When
 * the target refuses an ABORT TASK, the driver escalates to LOGICAL UNIT RESET; when it refuses that
 * too, the connection is dropped, which fails everything it held (ERL 0 has nothing gentler left). A
 * request the target leaves unanswered past the task management timeout counts as refused.
 */
final class TaskManagement {
    private static final Logger LOG = LoggerFactory.getLogger(TaskManagement.class);
    static final int ABORT_TASK = 1;
    static final int LOGICAL_UNIT_RESET = 5;
    private static final int FUNCTION_COMPLETE = 0;
    private static final int TASK_DOES_NOT_EXIST = 1;

    private final Session session;
    /** Requests awaiting their response, by tag. */
    private final Map<Integer, Request> pending = new ConcurrentHashMap<>();

    /** What to do when the target confirms, and when it refuses; when it was sent. */
    /** What to do on each answer; {@code onUnknownTask} runs when the target says the named task does not exist. */
    private record Request(Runnable onDone, Runnable onRefused, Runnable onUnknownTask, long sentNanos) {
        Request(Runnable onDone, Runnable onRefused, Runnable onUnknownTask) {
            this(onDone, onRefused, onUnknownTask, System.nanoTime());
        }
    }

    TaskManagement(Session session) {
        this.session = session;
    }

    /** Nanoseconds without any PDU from the target after which an abort drops the connection instead. */
    static final long SILENT_ABORT_NANOS = 200_000_000L;

    private long silentNanos() {
        return System.nanoTime() - session.connection.lastReceiveNanos;
    }

    /**
     * Aborts {@code command} and returns its fence: complete when the command is known dead (it answered, was
     * never sent, or the target confirmed the abort or a reset); null when this session cannot say (the command
     * is not here and the session is no longer open: it died with the session, and only the session's
     * reinstatement proves it gone). Unsent, it fails at once. In flight on a connection that has been silent for
     * {@link #SILENT_ABORT_NANOS}, the connection is dropped and the fence is left to the reinstatement;
     * otherwise the target is asked to abort it.
     */
    CompletableFuture<Void> abortTask(ScsiCommand command) {
        Task queued = session.findWaiting(command);
        if (queued != null && session.removeWaiting(queued)) {
            queued.fail(new PathException(PathException.Reason.ABORTED, PathException.Outcome.NOT_EXECUTED,
                    "aborted before it was sent"));
            return queued.fence();
        }
        Task task = session.tasks.find(command);
        if (task == null) {
            // The session's end marks it closed before it drains the table: a command missing from an open
            // session's table has left it with a known end (its answer, a confirmed abort, a refusal).
            return session.isOpen() ? CompletableFuture.completedFuture(null) : null;
        }
        CompletableFuture<Void> fence = task.fence();
        if (silentNanos() > SILENT_ABORT_NANOS) {
            // A caller gives up on a command when nothing comes back. On a link that is silent, an ABORT TASK would
            // queue behind the command itself, and both would reach the target when the link returns, after the
            // caller retried the command on another path. Dropping the connection (a reset that discards what is
            // unsent) and reinstating the session is the quicker proof.
            session.connection.fail(PathException.Reason.TIMEOUT, "abort of a command on a connection silent for "
                    + silentNanos() / 1_000_000 + " ms: the link is presumed dead");
            return fence;
        }
        send(ABORT_TASK, task.lunField, task.itt, task.cmdSn, new Request(() -> {
            if (session.tasks.remove(task)) {
                task.failConfirmed("aborted by ABORT TASK");
                session.sendWaiting();
            }
        }, () -> resetLogicalUnit(task.lunField), () -> unknownToTheTarget(task)));
        return fence;
    }

    /**
     * The target says it has no such task while the command is still unanswered here. RFC 7143 11.5.1 would have it
     * discard the command when it arrives, but a target may hold it where its abort cannot see it (tgtd, under a
     * congested link, answered so and ran the command later: a ghost write, and Data-In for a tag since reused).
     * Only the session's end proves it dead, so the connection is dropped and the fence waits for the reinstatement.
     */
    private void unknownToTheTarget(Task task) {
        if (session.tasks.find(task.command) == task) {
            session.connection.fail(PathException.Reason.ABORTED, "the target does not know a task it has not answered;"
                    + " the connection is dropped so that the session's reinstatement fences it");
        }
    }

    /** Resets the logical unit; its commands fail with ABORTED once the target confirms. */
    void resetLogicalUnit(long lunField) {
        Runnable reset = () -> {
            session.tasks.drainLun(lunField, task -> task.failConfirmed("aborted by LOGICAL UNIT RESET"));
            session.sendWaiting();
        };
        send(LOGICAL_UNIT_RESET, lunField, Opcode.RESERVED_TAG, 0, new Request(reset, () -> session.connection.fail(
                PathException.Reason.ABORTED, "the target refused ABORT TASK and LOGICAL UNIT RESET; the connection is dropped"),
                reset));
    }

    private void send(int function, long lunField, int referencedTag, int refCmdSn, Request request) {
        // Queued behind the command it names, so the target always receives the command first.
        int tag = session.nextControlTag();
        pending.put(tag, request);
        session.writer.push(new ControlPdu(Opcode.TASK_MGMT_REQUEST, Opcode.FINAL | function, lunField, tag,
                referencedTag, refCmdSn));
    }

    /** The target answered the request with {@code tag}. */
    void answered(int tag, int response) {
        Request request = pending.remove(tag);
        if (request == null) {
            return;
        }
        if (response == FUNCTION_COMPLETE) {
            request.onDone().run();
        } else if (response == TASK_DOES_NOT_EXIST) {
            request.onUnknownTask().run();
        } else {
            LOG.warn("{}: the target refused a task management function (response {}); escalating", session.name(), response);
            request.onRefused().run();
        }
    }

    /** Escalates requests unanswered for longer than {@code timeoutNanos}. Called by the adapter's timer. */
    void tick(long nowNanos, long timeoutNanos) {
        for (Map.Entry<Integer, Request> entry : pending.entrySet()) {
            if (nowNanos - entry.getValue().sentNanos() > timeoutNanos && pending.remove(entry.getKey(), entry.getValue())) {
                LOG.warn("{}: no answer to task management within {} ms; escalating", session.name(), timeoutNanos / 1_000_000);
                entry.getValue().onRefused().run();
            }
        }
    }

    /** The session ended; outstanding requests are moot because every task has failed. */
    void clear() {
        pending.clear();
    }
}
