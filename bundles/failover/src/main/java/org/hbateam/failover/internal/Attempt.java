package org.hbateam.failover.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import org.hbateam.api.path.CommandCallback;
import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;

/**
 * One try of one command on one path: the callback the driver gets. Whoever closes the attempt first
 * decides its outcome (the driver's completion, the driver's failure, the sweeper's timeout, the unbind
 * of the path, or the team shutting down); everyone after that is ignored. This per-attempt CAS is what
 * makes a late completion after a timeout, a second callback from a buggy driver, or a callback that
 * never comes from a vanished path harmless.
 *
 * <p>{@code command} is null for a probe.
 */
final class Attempt implements CommandCallback {
    private static final AtomicIntegerFieldUpdater<Attempt> OPEN =
            AtomicIntegerFieldUpdater.newUpdater(Attempt.class, "open");

    final PendingCommand command;
    final PathEntry entry;
    final long startNanos;
    private final AttemptListener listener;
    @SuppressWarnings("unused") // updated through OPEN
    private volatile int open = 1;
    /** Set once the driver's submit has returned: only then can the attempt time out (see {@link #handedOver}). */
    private volatile boolean handedOver;

    /** Receives the outcome of an attempt, once. */
    interface AttemptListener {
        void attemptCompleted(Attempt attempt, ScsiResult result);

        void attemptFailed(Attempt attempt, PathException error);
    }

    Attempt(AttemptListener listener, PendingCommand command, PathEntry entry, long startNanos) {
        this.listener = listener;
        this.command = command;
        this.entry = entry;
        this.startNanos = startNanos;
    }

    /** Claims the attempt; true only for the first caller. */
    boolean close() {
        return OPEN.compareAndSet(this, 1, 0);
    }

    boolean isOpen() {
        return open == 1;
    }

    /**
     * The driver has the command: its submit returned. The sweeper times out only such attempts, so a
     * sender that is slow to call submit (descheduled, GC) can never have its command retried elsewhere,
     * completed, and then sent here after all.
     */
    boolean handedOver() {
        return handedOver;
    }

    void markHandedOver() {
        handedOver = true;
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
    boolean failFromTeamOn(Executor executor, PathException error) {
        if (close()) {
            executor.execute(() -> listener.attemptFailed(this, error));
            return true;
        }
        return false;
    }

    /** Fails the attempt from our side (timeout, unbind); false when the driver answered first. */
    boolean failFromTeam(PathException error) {
        if (close()) {
            listener.attemptFailed(this, error);
            return true;
        }
        return false;
    }
}
