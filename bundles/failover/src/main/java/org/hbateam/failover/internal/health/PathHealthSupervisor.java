package org.hbateam.failover.internal.health;

import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import org.hbateam.api.path.PathException;
import org.hbateam.api.path.PathState;
import org.hbateam.failover.internal.command.Attempt;
import org.hbateam.failover.internal.command.ErrorClassifier;
import org.hbateam.failover.internal.config.EffectiveSettings;
import org.hbateam.failover.internal.config.Failback;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.failover.internal.events.TeamEvents;
import org.hbateam.failover.internal.team.TeamImpl;
import org.hbateam.failover.internal.team.TeamMembership;
import org.hbateam.failover.internal.team.TeamPathSet;

/**
 * Decides when a team's paths go out of service and when they come back.
 *
 * <ul>
 *   <li><b>Out:</b> a path error on a command or probe, a command timeout, or the driver reporting DOWN
 *       holds the path out (once: the hold-out is a CAS). A session-scope error
 *       ({@link ErrorClassifier#scope}) takes the session's other paths with it. More than K failures in
 *       the flaky window hold the path down for the hold-down time.</li>
 *   <li><b>Health from traffic first:</b> a completed command is proof of life. Only an idle path or a
 *       held-out path is probed ({@link PathProber}); a path with traffic is never probed.</li>
 *   <li><b>Back:</b> once the driver reports it UP/DEGRADED or a probe answers, by the team's failback
 *       policy: at once, after {@code failbackStableMs} of continuous health, or only by an operator. While no
 *       path of the team is usable, {@code stable} does not wait: the first healthy path resumes the I/O.</li>
 * </ul>
 */
public final class PathHealthSupervisor {
    private final TeamImpl team;
    private final TeamMembership members;
    private final EffectiveSettings config;
    private final TeamEvents events;
    private final LongSupplier nanoClock;
    private final PathProber prober;
    private final Executor driverCalls;
    private final AtomicBoolean allDown = new AtomicBoolean();

    /**
     * Needs {@code team.members} and {@code team.config} set; the team's flow is used only later. The sweeper's
     * calls into drivers (the consequences of a timeout, probes) run on {@code driverCalls}.
     */
    public PathHealthSupervisor(TeamImpl team, TeamEvents events, LongSupplier nanoClock, Executor driverCalls) {
        this.team = team;
        this.members = team.members;
        this.config = team.config;
        this.events = events;
        this.nanoClock = nanoClock;
        this.driverCalls = driverCalls;
        this.prober = new PathProber(this, nanoClock, driverCalls);
    }

    /**
     * Fails the attempt's path after a path error; a session-scope error fails the session's other paths too. Only
     * the incarnation the attempt was sent in fails: once the path has been reinstated, a late failure of an
     * older attempt is no news about it.
     */
    public void failPath(Attempt attempt, PathException error, long nowNanos) {
        PathEntry entry = attempt.entry;
        String reason = error.reason() + ": " + error.getMessage();
        if (!entry.holdOut(attempt.incarnation)) {
            if (entry.heldOutIn(attempt.incarnation)) {
                entry.health.sawUnhealthy(); // still out: a further failure restarts the stable clock
            }
            return;
        }
        tookOut(entry, reason, nowNanos);
        if (ErrorClassifier.scope(error) == ErrorClassifier.Scope.SESSION) {
            TeamPathSet set = members.pathSet();
            for (int i = 0; i < set.size(); i++) {
                PathEntry other = set.entry(i);
                if (other != entry && other.identity.sessionId().equals(entry.identity.sessionId())) {
                    holdOut(other, "session " + entry.identity.sessionId() + " failed on " + entry + ": " + reason, nowNanos);
                }
            }
        }
    }

    /** Holds the path out, whatever its incarnation; true when this call did it. */
    boolean holdOut(PathEntry entry, String reason, long nowNanos) {
        entry.health.sawUnhealthy();
        if (!entry.holdOut()) {
            return false;
        }
        tookOut(entry, reason, nowNanos);
        return true;
    }

    /** What follows once per failure (so events and flakiness count once): hold-down, events, the team's reaction. */
    private void tookOut(PathEntry entry, String reason, long nowNanos) {
        FailoverSettings global = config.global();
        if (entry.health.recordFailure(nowNanos, TimeUnit.MILLISECONDS.toNanos(global.flakyWindowMs()))) {
            entry.health.holdDown(nowNanos + TimeUnit.MILLISECONDS.toNanos(global.flakyHoldDownMs()));
            events.flaky(config.name(), entry.identity, global.flakyFailures() + 1, global.flakyHoldDownMs());
        }
        members.usabilityChanged(entry, false);
        int usable = members.pathSet().usableCount();
        events.pathDown(config.name(), entry.identity, reason, usable);
        if (usable == 0) {
            noUsablePath();
            reinstateAnyHealthy(nowNanos);
        } else {
            team.noteFailover();
        }
    }

    /** The last usable path went out: a held-out path with evidence of health since its failure takes over now. */
    private void reinstateAnyHealthy(long nowNanos) {
        TeamPathSet set = members.pathSet();
        for (int i = 0; i < set.size() && set.usableCount() == 0; i++) {
            maybeReinstate(set.entry(i), nowNanos, "no other path is usable and it looks healthy");
        }
    }

    /** The driver reported a new state for the path. */
    public void driverStateChanged(PathEntry entry, PathState state, String reason) {
        long now = nanoClock.getAsLong();
        boolean wasUsable = entry.driverState().isUsable();
        entry.driverState(state);
        if (!state.isUsable()) {
            holdOut(entry, "driver reports DOWN: " + reason, now);
        } else if (entry.isHeldOut()) {
            entry.health.sawHealthy(now);
            maybeReinstate(entry, now, "driver reports " + state + ": " + reason);
        } else if (!wasUsable) {
            // Down from the start, never held out: it simply becomes usable.
            becameUsable(entry, "driver reports " + state + ": " + reason);
        }
    }

    /** A command completed on the path: proof of life, even if the path is held out meanwhile. */
    public void sawTraffic(PathEntry entry, long nowNanos) {
        if (entry.isHeldOut()) {
            entry.health.sawHealthy(nowNanos);
        }
    }

    /**
     * True while no path of the team is usable. Then every delay that guards a healthy team against a flapping
     * path (stable failback, flaky hold-down) only keeps commands waiting, and may let them fail while a path
     * the driver reports UP exists: those delays are waived, and the first path with evidence of health
     * carries the I/O at once.
     */
    boolean needsAnyPath() {
        return members.pathSet().usableCount() == 0;
    }

    /** Reinstates the path if the failback policy allows it now. */
    void maybeReinstate(PathEntry entry, long nowNanos, String why) {
        if (!entry.isHeldOut() || entry.isRemoved() || !entry.driverState().isUsable()) {
            return;
        }
        boolean needed = needsAnyPath();
        if (!needed && entry.health.heldDown(nowNanos)) {
            return;
        }
        Failback failback = config.failback();
        if (failback == Failback.MANUAL || entry.health.operatorHeld()) {
            return; // an operator's decision is never overridden
        }
        // Immediate still needs evidence of health since the failure; stable needs it for the stable time.
        boolean stableWait = failback == Failback.STABLE && !needed;
        long stable = stableWait ? TimeUnit.MILLISECONDS.toNanos(config.failbackStableMs()) : 0L;
        if (entry.health.stableFor(nowNanos, stable)) {
            reinstate(entry, why);
        }
    }

    /** Puts a held-out path back into service now (also the operator's reinstate); false if it was not held out. */
    public boolean reinstate(PathEntry entry, String why) {
        if (entry.isRemoved() || !entry.driverState().isUsable() || !entry.release()) {
            return false;
        }
        becameUsable(entry, why);
        return true;
    }

    private void becameUsable(PathEntry entry, String why) {
        members.usabilityChanged(entry, true);
        allDown.set(false);
        events.pathUp(config.name(), entry.identity, why, members.pathSet().usableCount());
        team.flow.releaseWaiting();
    }

    /** An operator takes the path out; it stays out until {@link #operatorReinstate}. */
    public void operatorFail(PathEntry entry) {
        entry.health.operatorHeld(true);
        holdOut(entry, "failed by operator", nanoClock.getAsLong());
    }

    /** An operator puts the path back, bypassing failback policy and hold-down. */
    public boolean operatorReinstate(PathEntry entry) {
        entry.health.operatorHeld(false);
        entry.health.forget();
        return reinstate(entry, "reinstated by operator");
    }

    /** No path is usable: raise ALL_PATHS_DOWN once per outage. */
    public void noUsablePath() {
        if (allDown.compareAndSet(false, true)) {
            events.allPathsDown(config.name(), "every path of the team is failed or down");
        }
    }

    /** One sweep over one path: command and probe timeouts, failback, probes that are due, throughput. */
    public void sweep(PathEntry entry, long nowNanos) {
        FailoverSettings global = config.global();
        long probeTimeout = TimeoutPolicy.timeoutNanos(entry.counters, global);
        timeOutCommands(entry, nowNanos, global);
        prober.timeOutProbe(entry, nowNanos, probeTimeout);
        if (entry.isHeldOut()) {
            maybeReinstate(entry, nowNanos, "healthy for " + config.failbackStableMs() + " ms");
        }
        prober.probeIfDue(entry, nowNanos, global.probeIntervalNanos(), needsAnyPath());
        entry.counters.sampleThroughput(nowNanos);
    }

    /**
     * Fails the attempts the driver has and that {@link TimeoutPolicy} says are overdue. Their outcome is
     * unknown, so the failure fences them ({@code DataPath.abort}) before any retry; that runs on
     * {@code driverCalls}, not on the sweeper.
     */
    private void timeOutCommands(PathEntry entry, long nowNanos, FailoverSettings global) {
        for (Attempt attempt : entry.inFlight) {
            long age = nowNanos - attempt.startNanos;
            if (attempt.handedOver() && attempt.isOpen() && TimeoutPolicy.timedOut(entry, age, nowNanos, global)) {
                attempt.failFromTeamOn(driverCalls, new PathException(PathException.Reason.TIMEOUT,
                        PathException.Outcome.UNKNOWN, "no answer in " + TimeUnit.NANOSECONDS.toMillis(age) + " ms on " + entry));
            }
        }
    }
}
