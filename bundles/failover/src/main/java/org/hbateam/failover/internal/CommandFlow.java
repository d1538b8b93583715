package org.hbateam.failover.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.team.TeamException;

/**
 * The command path of one team, lock-free: routes each command ({@link Router}), sends it as an
 * {@link Attempt}, and decides what its outcome means ({@link ErrorClassifier}): deliver it, send it once
 * more on the same path, or fail the path and retry elsewhere (bounded by {@code maxRetries}). Commands
 * that find no usable path wait in the {@link NoPathQueue}.
 */
final class CommandFlow implements Attempt.AttemptListener {
    private final TeamMembership members;
    private final EffectiveSettings config;
    private final PathHealthSupervisor health;
    private final LongSupplier nanoClock;
    private final NoPathQueue waiting = new NoPathQueue(this);
    /** Commands sent again after a path error, or once after a reset UNIT ATTENTION. */
    private final LongAdder retries = new LongAdder();
    private volatile boolean closed;

    CommandFlow(TeamMembership members, EffectiveSettings config, PathHealthSupervisor health, LongSupplier nanoClock) {
        this.members = members;
        this.config = config;
        this.health = health;
        this.nanoClock = nanoClock;
    }

    long retries() {
        return retries.sum();
    }

    void dispatch(PendingCommand pending) {
        if (closed) {
            pending.fail(TeamErrors.closed(config.name()));
            return;
        }
        TeamPathSet set = members.pathSet();
        int slot = Router.select(set, members.primarySlot(), config.failoverOnly(), members.balancer(), pending);
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
        members.balancer().started(set, slot, command.direction(), command.transferLength());
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

    /** The target answered: deliver it, or send it once more on the same path (UNIT ATTENTION 0x29). */
    @Override
    public void attemptCompleted(Attempt attempt, ScsiResult result) {
        PathEntry entry = attempt.entry;
        entry.inFlight.remove(attempt);
        long now = nanoClock.getAsLong();
        PendingCommand pending = attempt.command;
        ScsiCommand command = pending.command;
        long latency = now - attempt.startNanos;
        entry.finished(command.transferLength(), latency, now);
        TeamPathSet set = members.pathSet();
        members.balancer().ended(set, set.slotOf(entry), command.direction(), command.transferLength(), latency);
        health.sawTraffic(entry, now);
        if (ErrorClassifier.classify(result, pending.unitAttentionRetried()) == ErrorClassifier.Verdict.RETRY_SAME_PATH) {
            pending.markUnitAttentionRetried();
            retries.increment();
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
        entry.finished(attempt.command.command.transferLength(), -1, now);
        health.failPath(entry, error, now);
        retry(attempt.command, error);
    }

    private void retry(PendingCommand pending, PathException error) {
        if (pending.isDone()) {
            return;
        }
        int maxRetries = config.global().maxRetries();
        if (pending.countRetry() > maxRetries) {
            pending.fail(new TeamException(config.name(), "team " + config.name() + ": command met " + pending.retries()
                    + " path errors, more than maxRetries=" + maxRetries + "; last: " + error, error));
            return;
        }
        retries.increment();
        dispatch(pending);
    }

    private void enqueue(PendingCommand pending) {
        waiting.add(pending, nanoClock.getAsLong());
        health.noUsablePath();
        if (closed) {
            failWaiting();
        } else if (Router.failoverOnlySlot(members.pathSet(), -1) >= 0) {
            // A path came back between routing and queueing; its release may have missed this command.
            waiting.release();
        }
    }

    /** Sends every command that was waiting when this started; those that still find no path wait again. */
    void releaseWaiting() {
        waiting.release();
    }

    /**
     * The sweeper's visit: per-path timeouts, probes, failback and throughput, then the queue: expired
     * commands fail, and waiting commands go out if a path is usable (a safety net behind the immediate
     * release on reinstatement).
     */
    void sweep(long nowNanos) {
        TeamPathSet set = members.pathSet();
        for (int i = 0; i < set.size(); i++) {
            health.sweep(set.entry(i), nowNanos);
        }
        waiting.expire(nowNanos, TimeUnit.MILLISECONDS.toNanos(config.noPathRetryMs()), config.name());
        if (!waiting.isEmpty() && Router.failoverOnlySlot(members.pathSet(), -1) >= 0) {
            waiting.release();
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
                    attempt.command.fail(TeamErrors.closed(config.name()));
                    DriverCalls.abort(entry, attempt.command.command);
                }
            }
        }
    }

    private void failWaiting() {
        PendingCommand pending;
        while ((pending = waiting.poll()) != null) {
            pending.fail(TeamErrors.closed(config.name()));
        }
    }
}
