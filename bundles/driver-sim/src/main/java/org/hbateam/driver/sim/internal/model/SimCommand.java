package org.hbateam.driver.sim.internal.model;

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
 * One accepted command on one simulated path: the only per-command object the driver allocates.
 *
 * <p>Exactly-once delivery rests on {@link #claim()}: whoever wins the compare-and-set (completion, cut,
 * abort, restore, removal) is the only one to call the callback. A command that lost its claim is never
 * executed afterwards, so a write failed back to the caller cannot land later behind a retry: every failure
 * of the simulator is therefore {@link PathException.Outcome#NOT_EXECUTED}. A command claimed for execution is
 * settled once its answer has been given ({@link #settled}), which is what an abort of it waits for.
 *
 * <p>{@link #due}, {@link #startSequence} and (once published) {@link #nextArrival} belong to the adapter's scheduler thread, which alone sets and
 * reads them.
 */
final class SimCommand {
    private static final Logger LOG = LoggerFactory.getLogger(SimCommand.class);
    private static final AtomicIntegerFieldUpdater<SimCommand> STATE =
            AtomicIntegerFieldUpdater.newUpdater(SimCommand.class, "state");
    @SuppressWarnings("rawtypes")
    private static final AtomicReferenceFieldUpdater<SimCommand, CompletableFuture> SETTLED =
            AtomicReferenceFieldUpdater.newUpdater(SimCommand.class, CompletableFuture.class, "settled");
    private static final int PENDING = 0;
    private static final int CLAIMED = 1;

    final SimPath path;
    final ScsiCommand command;
    private final CommandCallback callback;
    private volatile int state;
    /** Made only when an abort waits for the command (rare), completed once it is answered. */
    private volatile CompletableFuture<Void> settled;
    /** Set when a failure won the claim: the command never ran. */
    private volatile boolean failedFirst;
    /** Set once an execution's answer has been given. */
    private volatile boolean answered;
    /** Set while the command sits unanswered in a black hole. */
    volatile boolean held;
    /** When the adapter's service ends, in System.nanoTime() terms. */
    long due;
    /** Orders commands with the same due time by when they started. */
    long startSequence;
    /**
     * The link in the adapter's arrival stack: written by the submitter before its CAS publishes the command,
     * then only by the scheduler thread.
     */
    SimCommand nextArrival;

    SimCommand(SimPath path, ScsiCommand command, CommandCallback callback) {
        this.path = path;
        this.command = command;
        this.callback = callback;
    }

    /** Takes the right to answer; true for exactly one caller. */
    boolean claim() {
        return STATE.compareAndSet(this, PENDING, CLAIMED);
    }

    boolean isAnswered() {
        return state != PENDING;
    }

    /** Fails the command, unless someone answered it first. */
    void fail(PathException.Reason reason, String message) {
        if (claim()) {
            failedFirst = true;
            releaseWaiter();
            path.forget(this);
            try {
                callback.failed(command, new PathException(reason, PathException.Outcome.NOT_EXECUTED, message));
            } catch (RuntimeException e) {
                LOG.warn("Callback for {} on {} threw on failure", command, path.id(), e);
            }
        }
    }

    /** Completes a command this caller has claimed. */
    void complete(ScsiResult result) {
        path.forget(this);
        try {
            callback.completed(command, result);
        } catch (RuntimeException e) {
            LOG.warn("Callback for {} on {} threw on completion", command, path.id(), e);
        }
        answered = true;
        releaseWaiter();
    }

    private void releaseWaiter() {
        CompletableFuture<Void> waiting = settled;
        if (waiting != null) {
            waiting.complete(null);
        }
    }

    /**
     * Completes once the command can no longer touch the LU or its buffer: at once if it was failed (never
     * executed), else when the execution in progress has been answered.
     */
    @SuppressWarnings("unchecked")
    CompletableFuture<Void> settled() {
        SETTLED.compareAndSet(this, null, new CompletableFuture<Void>());
        CompletableFuture<Void> future = settled;
        if (answered || !claimedForExecution()) {
            future.complete(null);
        }
        return future;
    }

    /** True once claimed by anyone but a failure (which sets {@link #failedFirst}). */
    private boolean claimedForExecution() {
        return state == CLAIMED && !failedFirst;
    }
}
