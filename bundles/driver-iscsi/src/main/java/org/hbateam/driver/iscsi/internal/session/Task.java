package org.hbateam.driver.iscsi.internal.session;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

import org.hbateam.api.path.CommandCallback;
import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.driver.iscsi.internal.connection.Outgoing;
import org.hbateam.driver.iscsi.internal.pdu.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SCSI command in the driver's hands. Its callback runs exactly once: {@link #complete} and
 * {@link #fail} race through one compare-and-set, and only the winner calls back.
 *
 * <p>Its {@link #fence()} completes once the driver knows the command can no longer run at the target: it
 * answered, the target confirmed an abort or reset that covers it, or it was never sent. A failure whose outcome
 * is unknown (the connection died with the command on it) leaves the fence open: only the session's
 * reinstatement can close it then ({@link SessionRunner#reinstated}).
 */
final class Task extends Outgoing {
    private static final Logger LOG = LoggerFactory.getLogger(Task.class);
    private static final AtomicIntegerFieldUpdater<Task> STATE = AtomicIntegerFieldUpdater.newUpdater(Task.class, "state");
    /** State bit: the writer has begun to write the command PDU; from then on its outcome is unknown. */
    private static final int WRITTEN = 1;
    /** State bit: the writer is writing a PDU from the caller's buffer right now. */
    private static final int WRITING = 2;
    /** State bit: the end is decided (answer or failure); the callback runs once, and the buffer is not touched again. */
    private static final int FINISHED = 4;
    /** State bit: the task finished while the writer was writing; the writer delivers the callback when it is done. */
    private static final int DEFERRED = 8;
    /** State bit: an R2T waits for the writer; cleared when the writer begins the Data-Out. */
    private static final int R2T_QUEUED = 16;
    @SuppressWarnings("rawtypes")
    private static final AtomicReferenceFieldUpdater<Task, CompletableFuture> FENCE =
            AtomicReferenceFieldUpdater.newUpdater(Task.class, CompletableFuture.class, "fence");

    final ScsiCommand command;
    final CommandCallback callback;
    /** The 8-byte LUN field of the PDUs. */
    final long lunField;
    /**
     * A view of the caller's data region. The reader thread moves it for Data-In; the writer thread moves it
     * for Data-Out; a task is never both.
     */
    final ByteBuffer view;
    /** Set when the task is sent (under the send lock). */
    int itt;
    int cmdSn;
    int slot = -1;
    /** Made only when someone asks ({@link #fence()}): most commands are never fenced. */
    private volatile CompletableFuture<Void> fence;
    /** Set before {@link #fence} is read, and read after it is set: one side always sees the other. */
    private volatile boolean knownDead;
    /** The WRITTEN, WRITING, FINISHED, DEFERRED and R2T_QUEUED bits. */
    private volatile int state;
    /** The end the writer delivers when DEFERRED; written by the one finisher before it sets DEFERRED. */
    private ScsiResult deferredResult;
    private PathException deferredError;
    /** The R2T the writer answers next: set by the reader before it queues the task, read by the writer. */
    int r2tTtt;
    int r2tOffset;
    int r2tLength;

    Task(ScsiCommand command, CommandCallback callback, long lunField) {
        this.command = command;
        this.callback = callback;
        this.lunField = lunField;
        this.view = command.transferLength() == 0 ? null : command.dataView();
    }

    /** Delivers the target's answer, unless the task already finished; the command is known dead after it. */
    void complete(ScsiResult result) {
        if (claimEnd() >= 0) {
            deliverOrDefer(result, null);
        }
        markKnownDead();
    }

    /**
     * Delivers a path error, unless the task already finished. The fence closes only when the error says the
     * command will not run ({@link PathException.Outcome#NOT_EXECUTED}).
     */
    void fail(PathException error) {
        if (claimEnd() >= 0) {
            deliverOrDefer(null, error);
        }
        if (error.outcome() == PathException.Outcome.NOT_EXECUTED) {
            markKnownDead();
        }
    }

    /**
     * Fails a task its connection left behind: with {@code lost} (outcome unknown) when the writer had begun its
     * command, else with the same reason as {@link PathException.Outcome#NOT_EXECUTED}. One compare-and-set
     * decides against the writer, so the outcome is exact.
     */
    void failLost(PathException lost) {
        int before = claimEnd();
        if (before < 0) {
            return;
        }
        PathException error = (before & WRITTEN) != 0 ? lost : notExecuted(lost);
        deliverOrDefer(null, error);
        if (error.outcome() == PathException.Outcome.NOT_EXECUTED) {
            markKnownDead();
        }
    }

    static PathException notExecuted(PathException error) {
        return error.outcome() == PathException.Outcome.NOT_EXECUTED ? error : new PathException(error.reason(),
                PathException.Outcome.NOT_EXECUTED, error.getMessage() + " (the command was never sent)");
    }

    /** Marks the end decided; returns the state before, or -1 when someone else decided it first. */
    private int claimEnd() {
        for (int s = state; (s & FINISHED) == 0; s = state) {
            if (STATE.compareAndSet(this, s, s | FINISHED)) {
                return s;
            }
        }
        return -1;
    }

    /** Calls back now, or, while the writer is copying from the buffer, leaves the call to the writer. */
    private void deliverOrDefer(ScsiResult result, PathException error) {
        deferredResult = result;
        deferredError = error;
        for (int s = state; ; s = state) {
            if ((s & WRITING) == 0) {
                deliver(result, error);
                return;
            }
            if (STATE.compareAndSet(this, s, s | DEFERRED)) {
                return;
            }
        }
    }

    private void deliver(ScsiResult result, PathException error) {
        try {
            if (error == null) {
                callback.completed(command, result);
            } else {
                callback.failed(command, error);
            }
        } catch (RuntimeException e) {
            LOG.warn("a command callback threw; the driver carries on", e);
        }
    }

    /**
     * Writer thread: about to write a PDU of this task (the command, or Data-Out from the buffer). False when the
     * task has finished: nothing more of it may be written, and its buffer belongs to the caller again.
     */
    boolean beginWrite() {
        for (int s = state; (s & FINISHED) == 0; s = state) {
            if (STATE.compareAndSet(this, s, s | WRITTEN | WRITING)) {
                return true;
            }
        }
        return false;
    }

    /** Writer thread: the PDU is written (or failed); delivers the callback if the task finished meanwhile. */
    void endWrite() {
        int s;
        do {
            s = state;
        } while (!STATE.compareAndSet(this, s, s & ~WRITING));
        if ((s & DEFERRED) != 0) {
            deliver(deferredResult, deferredError);
        }
    }

    /** True when the writer has begun the command PDU. */
    boolean written() {
        return (state & WRITTEN) != 0;
    }

    /**
     * Reader thread: records an R2T for the writer. False when the task has finished (nothing is sent); an R2T
     * while another still waits breaks MaxOutstandingR2T=1 and throws.
     */
    boolean queueR2t(int ttt, int offset, int length) throws ProtocolException {
        for (int s = state; ; s = state) {
            if ((s & FINISHED) != 0) {
                return false;
            }
            if ((s & R2T_QUEUED) != 0) {
                throw new ProtocolException(String.format("R2T for ITT 0x%08x while its previous R2T is still "
                        + "queued (MaxOutstandingR2T is 1)", itt));
            }
            r2tTtt = ttt;
            r2tOffset = offset;
            r2tLength = length;
            if (STATE.compareAndSet(this, s, s | R2T_QUEUED)) {
                return true;
            }
        }
    }

    /** Writer thread: it has copied the queued R2T; the next one may come. */
    void r2tTaken() {
        int s;
        do {
            s = state;
        } while (!STATE.compareAndSet(this, s, s & ~R2T_QUEUED));
    }

    /** The stage that completes once the command is known dead; see the class comment. */
    CompletableFuture<Void> fence() {
        FENCE.compareAndSet(this, null, new CompletableFuture<Void>());
        CompletableFuture<Void> made = fence;
        if (knownDead) {
            made.complete(null);
        }
        return made;
    }

    private void markKnownDead() {
        knownDead = true;
        CompletableFuture<Void> made = fence;
        if (made != null) {
            made.complete(null);
        }
    }

    /**
     * Ends a command the target confirmed it will not run (ABORT TASK or a reset answered): the caller, if it
     * still waits, gets ABORTED, and the fence closes.
     */
    void failConfirmed(String message) {
        fail(new PathException(PathException.Reason.ABORTED, PathException.Outcome.NOT_EXECUTED, message));
    }

    /** Points the data view at {@code [offset, offset + length)}. */
    ByteBuffer region(int offset, int length) {
        view.limit(offset + length).position(offset);
        return view;
    }
}
