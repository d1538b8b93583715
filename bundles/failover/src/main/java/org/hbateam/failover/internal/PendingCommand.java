package org.hbateam.failover.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.team.TeamException;

/**
 * A caller's command from submit until its outcome is delivered, across all its attempts. Only one
 * attempt is open at a time (the next is made only after the previous closed), and {@link #deliver} /
 * {@link #fail} deliver at most once, so the caller sees exactly one outcome.
 */
final class PendingCommand {
    final ScsiCommand command;
    final CompletableFuture<ScsiResult> future = new CompletableFuture<>();
    private final AtomicBoolean done = new AtomicBoolean();
    // Written by whoever holds the command's single open attempt (or the queue), handed over through
    // the attempt's CAS / the queue, so plain fields suffice behind those happens-before edges.
    private PathEntry[] tried = new PathEntry[2];
    private int triedCount;
    private int retries;
    private boolean unitAttentionRetried;
    private volatile long queuedAtNanos;

    PendingCommand(ScsiCommand command) {
        this.command = command;
    }

    /** Completes with the target's answer; false when the command was already finished. */
    boolean deliver(ScsiResult result) {
        return done.compareAndSet(false, true) && future.complete(result);
    }

    /** Completes exceptionally; false when the command was already finished. */
    boolean fail(TeamException error) {
        return done.compareAndSet(false, true) && future.completeExceptionally(error);
    }

    boolean isDone() {
        return done.get();
    }

    void noteTried(PathEntry entry) {
        if (hasTried(entry)) {
            return;
        }
        if (triedCount == tried.length) {
            PathEntry[] larger = new PathEntry[tried.length * 2];
            System.arraycopy(tried, 0, larger, 0, triedCount);
            tried = larger;
        }
        tried[triedCount++] = entry;
    }

    boolean hasTried(PathEntry entry) {
        for (int i = 0; i < triedCount; i++) {
            if (tried[i] == entry) {
                return true;
            }
        }
        return false;
    }

    /** Counts one more retry after a path error and returns the count. */
    int countRetry() {
        return ++retries;
    }

    int retries() {
        return retries;
    }

    boolean unitAttentionRetried() {
        return unitAttentionRetried;
    }

    void markUnitAttentionRetried() {
        unitAttentionRetried = true;
    }

    long queuedAtNanos() {
        return queuedAtNanos;
    }

    void queuedAt(long nowNanos) {
        queuedAtNanos = nowNanos;
    }
}
