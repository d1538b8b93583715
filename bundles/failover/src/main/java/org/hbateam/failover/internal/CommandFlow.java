package org.hbateam.failover.internal;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.team.NoUsablePathException;
import org.hbateam.api.team.TeamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command path of one team, lock-free: routes each command ({@link Router}), sends it as an
 * {@link Attempt}, and decides what its outcome means ({@link ErrorClassifier}): deliver it, send it once
 * more on the same path, or fail the path and retry elsewhere (bounded by {@code maxRetries}). Commands
 * that find no usable path wait in a queue until a path comes back or {@code noPathRetryMs} runs out.
 */
final class CommandFlow implements Attempt.AttemptListener {
    private static final Logger LOG = LoggerFactory.getLogger(CommandFlow.class);

    private final TeamImpl team;
    private final LongSupplier nanoClock;
    private final ConcurrentLinkedQueue<PendingCommand> waiting = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    CommandFlow(TeamImpl team, LongSupplier nanoClock) {
        this.team = team;
        this.nanoClock = nanoClock;
    }

    void dispatch(PendingCommand pending) {
        if (closed) {
            pending.fail(new TeamException(team.name(), "team " + team.name() + " is closed (the failover service stopped, or no path came back)", null));
            return;
        }
        TeamPathSet set = team.pathSet();
        int slot = Router.select(set, team.primarySlot(), team.settings().failoverOnly(), team.balancerSlot(), pending);
        if (slot < 0) {
            enqueue(pending);
        } else {
            send(set, slot, pending);
        }
    }

    private void send(TeamPathSet set, int slot, PendingCommand pending) {
        PathEntry entry = set.entry(slot);
        ScsiCommand command = pending.command;
        long now = nanoClock.getAsLong();
        pending.noteTried(entry);
        Attempt attempt = new Attempt(this, pending, entry, now);
        entry.inFlight.add(attempt);
        entry.dispatched(command.direction(), command.transferLength(), now);
        team.balancerSlot().started(set, slot, command.direction(), command.transferLength());
        if (entry.isRemoved() || closed) {
            // Raced with an unbind or shutdown that may already have swept this path's in-flight set.
            attempt.failFromTeam(new PathException(PathException.Reason.PATH_REMOVED, "path " + entry + " left"));
            return;
        }
        try {
            entry.path.submit(command, attempt);
            attempt.markHandedOver();
        } catch (RuntimeException e) {
            attempt.failFromTeam(new PathException(PathException.Reason.TRANSPORT, "driver threw from submit: " + e, e));
        }
    }

    @Override
    public void attemptCompleted(Attempt attempt, ScsiResult result) {
        PathEntry entry = attempt.entry;
        entry.inFlight.remove(attempt);
        long now = nanoClock.getAsLong();
        if (attempt.isProbe()) {
            team.health.probeAnswered(attempt, now);
            return;
        }
        PendingCommand pending = attempt.command;
        ScsiCommand command = pending.command;
        long latency = now - attempt.startNanos;
        entry.finished(command.transferLength(), latency, now);
        TeamPathSet set = team.pathSet();
        team.balancerSlot().ended(set, set.slotOf(entry), command.direction(), command.transferLength(), latency);
        team.health.sawTraffic(entry, now);
        if (ErrorClassifier.classify(result, pending.unitAttentionRetried()) == ErrorClassifier.Verdict.RETRY_SAME_PATH) {
            pending.markUnitAttentionRetried();
            int slot = set.slotOf(entry);
            if (slot >= 0 && entry.usable() && !closed) {
                send(set, slot, pending);
            } else {
                dispatch(pending);
            }
            return;
        }
        pending.deliver(result);
    }

    /** A path error: fail the path (the balancer is told through the failure, not through ended) and retry. */
    @Override
    public void attemptFailed(Attempt attempt, PathException error) {
        PathEntry entry = attempt.entry;
        entry.inFlight.remove(attempt);
        long now = nanoClock.getAsLong();
        if (attempt.isProbe()) {
            team.health.probeFailed(attempt, error, now);
            return;
        }
        entry.finished(attempt.command.command.transferLength(), -1, now);
        team.health.failPath(entry, error, now);
        retry(attempt.command, error);
    }

    private void retry(PendingCommand pending, PathException error) {
        if (pending.isDone()) {
            return;
        }
        if (pending.countRetry() > team.global().maxRetries()) {
            pending.fail(new TeamException(team.name(), "team " + team.name() + ": command met " + pending.retries()
                    + " path errors, more than maxRetries=" + team.global().maxRetries() + "; last: " + error, error));
            return;
        }
        dispatch(pending);
    }

    private void enqueue(PendingCommand pending) {
        pending.queuedAt(nanoClock.getAsLong());
        waiting.add(pending);
        team.health.noUsablePath();
        if (closed) {
            failWaiting();
        } else if (Router.failoverOnlySlot(team.pathSet(), -1) >= 0) {
            // A path came back between routing and queueing; its release may have missed this command.
            releaseWaiting();
        }
    }

    /** Sends every command that was waiting when this started; those that still find no path wait again. */
    void releaseWaiting() {
        for (int n = waiting.size(); n > 0; n--) {
            PendingCommand pending = waiting.poll();
            if (pending == null) {
                return;
            }
            dispatch(pending);
        }
    }

    /** Fails the waiting commands that have waited longer than the no-path retry time. */
    void expireWaiting(long nowNanos) {
        long limit = TimeUnit.MILLISECONDS.toNanos(team.noPathRetryMs());
        for (PendingCommand pending : waiting) {
            long waited = nowNanos - pending.queuedAtNanos();
            if (waited >= limit && waiting.remove(pending)) {
                pending.fail(new NoUsablePathException(team.name(), TimeUnit.NANOSECONDS.toMillis(waited)));
            }
        }
    }

    /**
     * The sweeper's visit: per-path timeouts, probes, failback and throughput, then the queue: expired
     * commands fail, and waiting commands go out if a path is usable (a safety net behind the immediate
     * release on reinstatement).
     */
    void sweep(long nowNanos) {
        TeamPathSet set = team.pathSet();
        for (int i = 0; i < set.size(); i++) {
            team.health.sweep(set.entry(i), nowNanos);
        }
        expireWaiting(nowNanos);
        if (!waiting.isEmpty() && Router.failoverOnlySlot(team.pathSet(), -1) >= 0) {
            releaseWaiting();
        }
    }

    private void failWaiting() {
        PendingCommand pending;
        while ((pending = waiting.poll()) != null) {
            pending.fail(new TeamException(team.name(), "team " + team.name() + " is closed (the failover service stopped, or no path came back)", null));
        }
    }

    static void abortQuietly(PathEntry entry, ScsiCommand command) {
        try {
            entry.path.abort(command);
        } catch (RuntimeException e) {
            LOG.debug("path {}: abort threw", entry, e);
        }
    }

    int queuedCommands() {
        return waiting.size();
    }

    /** Fails every waiting and in-flight command of {@code entries} once, cleanly; later answers are ignored. */
    void close(PathEntry[] entries) {
        closed = true;
        failWaiting();
        for (PathEntry entry : entries) {
            for (Attempt attempt : entry.inFlight) {
                if (attempt.close()) {
                    entry.inFlight.remove(attempt);
                    attempt.command.fail(new TeamException(team.name(), "team " + team.name() + " is closed (the failover service stopped, or no path came back)", null));
                    abortQuietly(entry, attempt.command.command);
                }
            }
        }
    }
}
