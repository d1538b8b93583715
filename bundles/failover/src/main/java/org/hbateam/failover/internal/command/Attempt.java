package org.hbateam.failover.internal.command;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import org.hbateam.api.path.CommandCallback;
import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.failover.internal.health.PathEntry;

/**
 * One try of one command on one path: the callback the driver gets. Whoever closes the attempt first
 * decides its outcome (the driver's completion, the driver's failure, the sweeper's timeout, the unbind
 * of the path, or the team shutting down); everyone after that is ignored. This per-attempt CAS is what
 * makes a late completion after a timeout, a second callback from a buggy driver, or a callback that
 * never comes from a vanished path harmless.
 *
 * <p>{@code command} is null for a probe.
 */
public final class Attempt implements CommandCallback {
    private static final AtomicIntegerFieldUpdater<Attempt> OPEN =
            AtomicIntegerFieldUpdater.newUpdater(Attempt.class, "open");
    private static final AtomicIntegerFieldUpdater<Attempt> HANDOVER =
            AtomicIntegerFieldUpdater.newUpdater(Attempt.class, "handover");
    private static final int SENDING = 0;
    private static final int HANDED_OVER = 1;
    private static final int FAILED_WHILE_SENDING = 2;

    final PendingCommand command;
    public final PathEntry entry;
    public final long startNanos;
    /** The path's incarnation when this was sent: a failure holds out only that one ({@link PathEntry#incarnation}). */
    public final int incarnation;
    private final AttemptListener listener;
    @SuppressWarnings("unused") // updated through OPEN
    private volatile int open = 1;
    /** SENDING until the driver's submit has returned; see {@link #handedOver} and {@link #failFromTeam}. */
    private volatile int handover = SENDING;
    /** A failure from our side that came while the driver's submit was still running; read after the CAS. */
    private PathException failedWhileSending;

    /** Receives the outcome of an attempt, once. */
    public interface AttemptListener {
        void attemptCompleted(Attempt attempt, ScsiResult result);

        void attemptFailed(Attempt attempt, PathException error);
    }

    public Attempt(AttemptListener listener, PendingCommand command, PathEntry entry, long startNanos) {
        this.listener = listener;
        this.command = command;
        this.entry = entry;
        this.startNanos = startNanos;
        this.incarnation = entry.incarnation();
    }

    /** Claims the attempt; true only for the first caller. */
    boolean close() {
        return OPEN.compareAndSet(this, 1, 0);
    }

    public boolean isOpen() {
        return open == 1;
    }

    /**
     * The driver has the command: its submit returned. The sweeper times out only such attempts, so a
     * sender that is slow to call submit (descheduled, GC) can never have its command retried elsewhere,
     * completed, and then sent here after all.
     */
    public boolean handedOver() {
        return handover == HANDED_OVER;
    }

    /**
     * The driver's submit has returned (normally or by throwing). A failure from our side that came while it
     * ran is acted on now, on the sender's thread: its abort, and so the fence before any retry, must come
     * after the driver had the command, or the driver could send it after the retry completed elsewhere.
     */
    public void markHandedOver() {
        if (!HANDOVER.compareAndSet(this, SENDING, HANDED_OVER)) {
            handover = HANDED_OVER;
            listener.attemptFailed(this, failedWhileSending);
        }
    }

    /** Fails an attempt whose command was never given to the driver: nothing to wait for. */
    void failUnsent(PathException error) {
        if (close()) {
            handover = HANDED_OVER;
            listener.attemptFailed(this, error);
        } else {
            markHandedOver();
        }
    }

    boolean isProbe() {
        return command == null;
    }

    @Override
    public void completed(ScsiCommand scsiCommand, ScsiResult result) {
        if (close()) {
            listener.attemptCompleted(this, result);
        }
    }

    @Override
    public void failed(ScsiCommand scsiCommand, PathException error) {
        if (close()) {
            listener.attemptFailed(this, error);
        }
    }

    /**
     * Fails the attempt from our side, deciding now but acting on {@code executor}: what follows a failure
     * (the abort, the retry) calls into drivers, and the sweeper that times attempts out must not wait for one.
     */
    public boolean failFromTeamOn(Executor executor, PathException error) {
        if (close()) {
            if (deferredToSender(error)) {
                return true;
            }
            executor.execute(() -> listener.attemptFailed(this, error));
            return true;
        }
        return false;
    }

    /**
     * Fails the attempt from our side (timeout, unbind); false when the driver answered first. While the driver's
     * submit still runs, the failure is left to {@link #markHandedOver}.
     */
    public boolean failFromTeam(PathException error) {
        if (close()) {
            if (!deferredToSender(error)) {
                listener.attemptFailed(this, error);
            }
            return true;
        }
        return false;
    }

    private boolean deferredToSender(PathException error) {
        failedWhileSending = error;
        return HANDOVER.compareAndSet(this, SENDING, FAILED_WHILE_SENDING);
    }
}
