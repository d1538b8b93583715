package org.hbateam.failover.internal.command;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.team.TeamException;
import org.hbateam.failover.internal.config.EffectiveSettings;
import org.hbateam.failover.internal.health.DriverCalls;
import org.hbateam.failover.internal.health.PathEntry;
import org.hbateam.failover.internal.health.PathHealthSupervisor;
import org.hbateam.failover.internal.team.TeamMembership;
import org.hbateam.failover.internal.team.TeamPathSet;

/**
 * The command path of one team, lock-free: routes each command ({@link Router}), sends it as an
 * {@link Attempt}, and decides what its outcome means ({@link ErrorClassifier}): deliver it, send it again
 * (at once on the same path after a reset UNIT ATTENTION, after a backoff for a "not now" answer), fail it
 * alone (REFUSED), or fail the path and retry elsewhere (bounded by {@code maxRetries}). A retry after an
 * unknown outcome waits for the old path's fence ({@link FenceWaits}); commands that find no usable path
 * wait in the {@link NoPathQueue}.
 *
 * <p>The sweeper never calls a driver itself: what it starts that reaches a driver (sends, aborts) runs on
 * {@code driverCalls}, so one driver that blocks despite the SPI's promise cannot stall other teams' sweeps.
 */
public final class CommandFlow implements Attempt.AttemptListener, FenceWaits.Resume {
    private final TeamMembership members;
    private final EffectiveSettings config;
    private final PathHealthSupervisor health;
    private final LongSupplier nanoClock;
    private final Executor driverCalls;
    private final FenceLog fenceLog;
    private final CommandWaits waits;
    /** Commands sent again after a path error, a reset UNIT ATTENTION or a "not now" answer. */
    private final LongAdder retries = new LongAdder();
    private volatile boolean closed;

    public CommandFlow(TeamMembership members, EffectiveSettings config, PathHealthSupervisor health, LongSupplier nanoClock,
                Executor driverCalls) {
        this.members = members;
        this.config = config;
        this.health = health;
        this.nanoClock = nanoClock;
        this.driverCalls = driverCalls;
        this.fenceLog = new FenceLog(config.name());
        this.waits = new CommandWaits(this, fenceLog);
    }

    public void dispatch(PendingCommand pending) {
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
            // Raced with an unbind or shutdown that may already have swept this path's in-flight set; never sent.
            attempt.failUnsent(new PathException(PathException.Reason.PATH_REMOVED, PathException.Outcome.NOT_EXECUTED,
                    "path " + entry + " left"));
            return;
        }
        try {
            entry.path.submit(command, attempt);
            attempt.markHandedOver();
        } catch (RuntimeException e) {
            // Whether the driver sent it before throwing is unknown: the failure is fenced like any other.
            attempt.markHandedOver();
            attempt.failFromTeam(new PathException(PathException.Reason.TRANSPORT, "driver threw from submit: " + e, e));
        }
    }

    /** The target answered: deliver it, or send it again (see {@link ErrorClassifier}); the path is fine. */
    @Override
    public void attemptCompleted(Attempt attempt, ScsiResult result) {
        PathEntry entry = attempt.entry;
        long now = nanoClock.getAsLong();
        PendingCommand pending = attempt.command;
        long latency = now - attempt.startNanos;
        ended(attempt, latency, latency, now);
        health.sawTraffic(entry, now);
        switch (ErrorClassifier.classify(result, pending.unitAttentionRetried())) {
            case RETRY_SAME_PATH -> resendOnSamePath(entry, pending);
            case RETRY_LATER -> retryLater(pending, result, now);
            default -> pending.deliver(result);
        }
    }

    /** The attempt is over on a path that stays in service; {@code countedLatency} -1 when nothing was carried. */
    private void ended(Attempt attempt, long countedLatency, long latency, long now) {
        PathEntry entry = attempt.entry;
        ScsiCommand command = attempt.command.command;
        entry.inFlight.remove(attempt);
        entry.finished(command.transferLength(), countedLatency, now);
        TeamPathSet set = members.pathSet();
        members.balancer().ended(set, set.slotOf(entry), command.direction(), command.transferLength(), latency);
    }

    private void resendOnSamePath(PathEntry entry, PendingCommand pending) {
        pending.markUnitAttentionRetried();
        retries.increment();
        TeamPathSet set = members.pathSet();
        int slot = set.slotOf(entry);
        if (slot >= 0 && entry.usable() && !closed) {
            send(set, slot, pending);
        } else {
            dispatch(pending);
        }
    }

    private void retryLater(PendingCommand pending, ScsiResult result, long now) {
        if (waits.backoffs.offer(pending, result, now, config.global().targetRetryNanos())) {
            retries.increment();
            if (closed) {
                waits.failAll(TeamErrors.closed(config.name())); // close() may have emptied the queue before the add
            }
        }
    }

    /**
     * A path error. REFUSED fails this command alone. Anything else fails the path (the balancer is told
     * through the failure, not through ended); the command is retried at once if it was never executed, else
     * only once the path has fenced it.
     */
    @Override
    public void attemptFailed(Attempt attempt, PathException error) {
        PendingCommand pending = attempt.command;
        long now = nanoClock.getAsLong();
        if (ErrorClassifier.isRefused(error)) {
            ended(attempt, -1, now - attempt.startNanos, now);
            pending.fail(TeamErrors.refused(config.name(), attempt.entry, pending.command, error));
            return;
        }
        PathEntry entry = attempt.entry;
        entry.inFlight.remove(attempt);
        entry.finished(pending.command.transferLength(), -1, now);
        health.failPath(attempt, error, now);
        if (!ErrorClassifier.needsFence(error)) {
            retry(pending, error);
            return;
        }
        waits.fences.await(entry, pending, error, now);
        if (closed) {
            waits.failAll(TeamErrors.closed(config.name())); // close() may have emptied the set before the add
        }
    }

    /** The old attempt can no longer run: the command may go elsewhere now. */
    @Override
    public void fenced(PendingCommand pending, PathException error) {
        retry(pending, error);
    }

    private void retry(PendingCommand pending, PathException error) {
        if (pending.isDone()) {
            return;
        }
        int maxRetries = config.global().maxRetries();
        if (pending.countRetry() > maxRetries) {
            pending.fail(TeamErrors.tooManyRetries(config.name(), pending.retries(), maxRetries, error));
            return;
        }
        retries.increment();
        dispatch(pending);
    }

    private void enqueue(PendingCommand pending) {
        waits.noPath.add(pending, nanoClock.getAsLong());
        health.noUsablePath();
        if (closed) {
            waits.failAll(TeamErrors.closed(config.name()));
        } else if (Router.failoverOnlySlot(members.pathSet(), -1) >= 0) {
            // A path came back between routing and queueing; its release may have missed this command.
            waits.noPath.release();
        }
    }

    /** Sends every command that was waiting when this started (on {@code driverCalls}: it may be the sweeper). */
    public void releaseWaiting() {
        if (!waits.noPath.isEmpty()) {
            driverCalls.execute(waits.noPath::release);
        }
    }

    /**
     * The sweeper's visit: per-path timeouts, probes, failback and throughput; then commands whose fence or
     * path did not come in time fail, backoffs that are over are sent, and waiting commands go out if a path
     * is usable (a safety net behind the immediate release on reinstatement).
     */
    public void sweep(long nowNanos) {
        TeamPathSet set = members.pathSet();
        for (int i = 0; i < set.size(); i++) {
            health.sweep(set.entry(i), nowNanos);
        }
        waits.sweep(nowNanos, config, driverCalls);
        if (Router.failoverOnlySlot(members.pathSet(), -1) >= 0) {
            releaseWaiting();
        }
    }

    /** A path's service is gone: commands waiting for its fence fail (no fence will come). */
    public void pathLeft(PathEntry entry) {
        waits.fences.pathLeft(entry, config.name());
    }

    public long retries() {
        return retries.sum();
    }

    public int queuedCommands() {
        return waits.noPath.size();
    }

    /** Commands that wait for something: a path, a fence or a backoff; a team with any is kept alive. */
    public int waitingCommands() {
        return waits.size();
    }

    FenceLog fenceLog() {
        return fenceLog;
    }

    /** Fails every waiting and in-flight command of {@code entries} once, cleanly; later answers are ignored. */
    public void close(PathEntry[] entries) {
        closed = true;
        TeamException error = TeamErrors.closed(config.name());
        waits.failAll(error);
        for (PathEntry entry : entries) {
            for (Attempt attempt : entry.inFlight) {
                if (attempt.close()) {
                    entry.inFlight.remove(attempt);
                    attempt.command.fail(error);
                    DriverCalls.abort(entry, attempt.command.command); // nothing waits for this fence: the team is gone
                }
            }
        }
    }
}
