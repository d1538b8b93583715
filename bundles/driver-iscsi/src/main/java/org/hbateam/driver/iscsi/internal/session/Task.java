package org.hbateam.driver.iscsi.internal.session;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

import org.hbateam.api.path.CommandCallback;
import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
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
final class Task {
    private static final Logger LOG = LoggerFactory.getLogger(Task.class);
    private static final AtomicIntegerFieldUpdater<Task> FINISHED =
            AtomicIntegerFieldUpdater.newUpdater(Task.class, "finished");
    @SuppressWarnings("rawtypes")
    private static final AtomicReferenceFieldUpdater<Task, CompletableFuture> FENCE =
            AtomicReferenceFieldUpdater.newUpdater(Task.class, CompletableFuture.class, "fence");

    final ScsiCommand command;
    final CommandCallback callback;
    /** The 8-byte LUN field of the PDUs. */
    final long lunField;
    /**
     * A view of the caller's data region. The reader thread moves it for Data-In; writers under the send
     * lock move it for Data-Out; a task is never both.
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
    private volatile int finished;

    Task(ScsiCommand command, CommandCallback callback, long lunField) {
        this.command = command;
        this.callback = callback;
        this.lunField = lunField;
        this.view = command.transferLength() == 0 ? null : command.dataView();
    }

    /** Delivers the target's answer, unless the task already finished; the command is known dead after it. */
    void complete(ScsiResult result) {
        if (FINISHED.compareAndSet(this, 0, 1)) {
            try {
                callback.completed(command, result);
            } catch (RuntimeException e) {
                LOG.warn("a command callback threw; the driver carries on", e);
            }
        }
        markKnownDead();
    }

    /**
     * Delivers a path error, unless the task already finished. The fence closes only when the error says the
     * command will not run ({@link PathException.Outcome#NOT_EXECUTED}).
     */
    void fail(PathException error) {
        if (FINISHED.compareAndSet(this, 0, 1)) {
            try {
                callback.failed(command, error);
            } catch (RuntimeException e) {
                LOG.warn("a command callback threw; the driver carries on", e);
            }
        }
        if (error.outcome() == PathException.Outcome.NOT_EXECUTED) {
            markKnownDead();
        }
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
