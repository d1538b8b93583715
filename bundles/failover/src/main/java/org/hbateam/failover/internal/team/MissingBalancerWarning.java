package org.hbateam.failover.internal.team;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.LoggerFactory;

/**
 * The warning that a team routes failover-only because no balancer of its policy is registered, given only
 * once that has lasted {@link #GRACE_NANOS}. A live policy switch rewrites the reference's target filter and
 * DS binds the new factory a moment later; warning at once would cry wolf on every switch that works. The
 * sweeper asks {@link #warnIfDue} on every pass, so a policy whose bundle is really missing is still reported
 * within the grace period plus one sweep.
 */
final class MissingBalancerWarning {
    /** Long enough for DS to rebind after a target change on a loaded appliance, short enough to be seen. */
    static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Consumer<String> warn;
    private boolean pending;            // guarded by this
    private long missingSinceNanos;     // guarded by this
    private String team;                // guarded by this
    private String policy;              // guarded by this

    MissingBalancerWarning() {
        this(LoggerFactory.getLogger(MissingBalancerWarning.class)::warn);
    }

    /** @param warn where the one warning line goes; the log in production, a list in tests */
    MissingBalancerWarning(Consumer<String> warn) {
        this.warn = warn;
    }

    /**
     * The team has no balancer for {@code missingPolicy} at {@code nowNanos}; warn if it stays so. Repeated while
     * already pending, the grace period runs on from the first call.
     */
    synchronized void missing(String teamName, String missingPolicy, long nowNanos) {
        if (!pending) {
            missingSinceNanos = nowNanos;
        }
        pending = true;
        team = teamName;
        policy = missingPolicy;
    }

    /** A balancer is bound: nothing to warn about. */
    synchronized void present() {
        pending = false;
    }

    /** Called by the sweeper: logs the warning once when the balancer has been missing for the grace period. */
    void warnIfDue(long nowNanos) {
        String line;
        synchronized (this) {
            if (!pending || nowNanos - missingSinceNanos < GRACE_NANOS) {
                return;
            }
            pending = false;
            line = "team " + team + ": no balancer for policy " + policy + " is registered; routing failover-only "
                    + "(primary first, then priority order) until one is";
        }
        warn.accept(line);
    }
}
