package org.hbateam.failover.internal.command;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.hbateam.api.path.PathException;
import org.hbateam.api.team.TeamException;
import org.hbateam.failover.internal.health.DriverCalls;
import org.hbateam.failover.internal.health.PathEntry;

/**
 * The commands of one team whose last attempt ended with an unknown outcome (a timeout, a lost connection):
 * the command may still run where it was sent, so it is retried elsewhere only once that path's driver has
 * fenced it ({@code DataPath.abort} completed normally: abort confirmed, or the session provably gone).
 *
 * <ul>
 *   <li>The abort is called once per abandoned attempt, here, before any retry.</li>
 *   <li>A fence that fails, or an abort that gives none, proves nothing: the command keeps waiting and is
 *       never replayed on its word.</li>
 *   <li>After {@code fenceTimeoutMs} without a fence the command fails up with a {@link TeamException} that
 *       says its outcome is unknown. The sweeper checks the deadlines on its pass, so a wait costs no thread
 *       and no timer.</li>
 *   <li>Whoever takes a wait out of the set first (fence, timeout, path removal, close) decides; the others
 *       find it gone. A fence that completes after that is ignored.</li>
 * </ul>
 */
final class FenceWaits {
    /** What becomes of a command whose old attempt is fenced: it is retried. */
    interface Resume {
        void fenced(PendingCommand pending, PathException error);
    }

    /** One command waiting for one fence. */
    private static final class Wait {
        final PendingCommand pending;
        final PathEntry entry;
        final PathException error;
        final long sinceNanos;
        /** Why the driver could not fence it, if it said so; shown when the wait times out. */
        volatile Throwable fenceFailure;

        Wait(PendingCommand pending, PathEntry entry, PathException error, long sinceNanos) {
            this.pending = pending;
            this.entry = entry;
            this.error = error;
            this.sinceNanos = sinceNanos;
        }
    }

    private final Set<Wait> waits = ConcurrentHashMap.newKeySet();
    private final Resume resume;
    private final FenceLog log;

    FenceWaits(Resume resume, FenceLog log) {
        this.resume = resume;
        this.log = log;
    }

    /** Asks the path's driver to fence the command and retries it when the fence comes. */
    void await(PathEntry entry, PendingCommand pending, PathException error, long nowNanos) {
        Wait wait = new Wait(pending, entry, error, nowNanos);
        // In the set before the abort: a driver that fences at once completes the stage inside this call.
        waits.add(wait);
        log.waiting(entry, error, nowNanos);
        DriverCalls.abort(entry, pending.command).whenComplete((ignored, failure) -> settled(wait, failure));
    }

    private void settled(Wait wait, Throwable failure) {
        if (failure != null) {
            wait.fenceFailure = failure;
            return;
        }
        if (waits.remove(wait)) {
            log.fenced();
            resume.fenced(wait.pending, wait.error);
        }
    }

    /** Fails, each once, the commands that have waited {@code timeoutNanos} for their fence. */
    void expire(long nowNanos, long timeoutNanos, String team) {
        for (Wait wait : waits) {
            if (nowNanos - wait.sinceNanos >= timeoutNanos && waits.remove(wait)) {
                long ms = TimeUnit.NANOSECONDS.toMillis(timeoutNanos);
                String fence = wait.fenceFailure == null ? "no answer to the abort" : "the abort failed: " + wait.fenceFailure;
                log.timedOut(wait.entry, fence, nowNanos);
                wait.pending.fail(TeamErrors.notFenced(team, wait.pending.command, wait.entry, ms, fence, wait.error));
            }
        }
    }

    /** The path's service is gone: no fence will come from it, so its waiting commands fail now. */
    void pathLeft(PathEntry entry, String team) {
        for (Wait wait : waits) {
            if (wait.entry == entry && waits.remove(wait)) {
                wait.pending.fail(TeamErrors.leftWhileFencing(team, wait.pending.command, entry, wait.error));
            }
        }
    }

    /** Fails every waiting command once with {@code error} (the team closed). */
    void failAll(TeamException error) {
        for (Wait wait : waits) {
            if (waits.remove(wait)) {
                wait.pending.fail(error);
            }
        }
    }

    int size() {
        return waits.size();
    }
}
