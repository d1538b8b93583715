package org.hbateam.failover.internal.command;

import java.util.concurrent.CompletableFuture;

import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.team.TeamException;
import org.hbateam.failover.internal.health.PathEntry;

/**
 * A caller's command from submit until its outcome is delivered, across all its attempts. Only one
 * attempt is open at a time (the next is made only after the previous closed), and {@link #deliver} /
 * {@link #fail} deliver at most once (the future's own completion is the CAS), so the caller sees exactly
 * one outcome. Kept small because there is one per command: it is itself the future the caller gets
 * (one object instead of two, 16 bytes less per command), and the tried-paths array is only allocated on a
 * second try.
 */
public final class PendingCommand extends CompletableFuture<ScsiResult> {
    final ScsiCommand command;
    // Written by whoever holds the command's single open attempt (or the queue), handed over through
    // the attempt's CAS / the queue, so plain fields suffice behind those happens-before edges.
    private PathEntry firstTried;
    private PathEntry[] moreTried;
    private int moreTriedCount;
    private int retries;
    private boolean unitAttentionRetried;
    private int targetRetries;
    private long targetRetrySinceNanos;
    private volatile long queuedAtNanos;

    public PendingCommand(ScsiCommand command) {
        this.command = command;
    }

    /** Completes with the target's answer; false when the command was already finished. */
    boolean deliver(ScsiResult result) {
        return complete(result);
    }

    /** Completes exceptionally; false when the command was already finished. */
    boolean fail(TeamException error) {
        return completeExceptionally(error);
    }

    void noteTried(PathEntry entry) {
        if (hasTried(entry)) {
            return;
        }
        if (firstTried == null) {
            firstTried = entry;
            return;
        }
        if (moreTried == null) {
            moreTried = new PathEntry[4];
        } else if (moreTriedCount == moreTried.length) {
            PathEntry[] larger = new PathEntry[moreTried.length * 2];
            System.arraycopy(moreTried, 0, larger, 0, moreTriedCount);
            moreTried = larger;
        }
        moreTried[moreTriedCount++] = entry;
    }

    boolean hasTried(PathEntry entry) {
        if (firstTried == entry) {
            return true;
        }
        for (int i = 0; i < moreTriedCount; i++) {
            if (moreTried[i] == entry) {
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

    /** Counts one more resend after a "not now" answer of the target; the first starts the budget's clock. */
    int countTargetRetry(long nowNanos) {
        if (targetRetries == 0) {
            targetRetrySinceNanos = nowNanos;
        }
        return ++targetRetries;
    }

    /** When the target first said "not now" to this command (see {@link TargetRetries}). */
    long targetRetrySinceNanos() {
        return targetRetrySinceNanos;
    }

    long queuedAtNanos() {
        return queuedAtNanos;
    }

    void queuedAt(long nowNanos) {
        queuedAtNanos = nowNanos;
    }
}
