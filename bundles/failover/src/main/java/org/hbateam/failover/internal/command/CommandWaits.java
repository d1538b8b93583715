package org.hbateam.failover.internal.command;

import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.hbateam.api.team.TeamException;
import org.hbateam.failover.internal.config.EffectiveSettings;

/**
 * The three places where a command of one team can wait without an attempt open: for a usable path
 * ({@link NoPathQueue}), for its old path's fence ({@link FenceWaits}), and for the end of a backoff after the
 * target's "not now" ({@link TargetRetryQueue}). Each wait is bounded by its own deadline, which the sweeper
 * checks here; a team that closes fails them all, each once.
 */
final class CommandWaits {
    final NoPathQueue noPath;
    final FenceWaits fences;
    final TargetRetryQueue backoffs;

    CommandWaits(CommandFlow flow, FenceLog fenceLog) {
        this.noPath = new NoPathQueue(flow);
        this.fences = new FenceWaits(flow, fenceLog);
        this.backoffs = new TargetRetryQueue(flow::dispatch);
    }

    /**
     * The sweeper's pass: commands that waited too long for a path or a fence fail; backoffs that are over
     * are sent on {@code driverCalls}, not on the sweeper.
     */
    void sweep(long nowNanos, EffectiveSettings config, Executor driverCalls) {
        noPath.expire(nowNanos, TimeUnit.MILLISECONDS.toNanos(config.noPathRetryMs()), config.name());
        fences.expire(nowNanos, config.global().fenceTimeoutNanos(), config.name());
        backoffs.sendDue(nowNanos, driverCalls);
    }

    /** Fails every waiting command once (the team closed). */
    void failAll(TeamException error) {
        PendingCommand pending;
        while ((pending = noPath.poll()) != null) {
            pending.fail(error);
        }
        fences.failAll(error);
        backoffs.failAll(error);
    }

    /** How many commands wait for anything; a dormant team with any is kept. */
    int size() {
        return noPath.size() + fences.size() + backoffs.size();
    }
}
