package org.hbateam.failover.internal.health;

/**
 * The team's memory of one path's health: when it was last seen healthy while held out (for the
 * {@code stable} failback), and its recent failures (for flaky-path hold-down). Failures are rare, so a
 * lock here costs nothing on the command path.
 */
public final class PathHealth {
    private static final long NOT_HEALTHY = Long.MIN_VALUE;

    private final long[] failureTimes;
    private int nextFailure;
    private int failureCount;
    private long healthySinceNanos = NOT_HEALTHY;
    private boolean operatorHeld;
    private boolean holdingDown;
    private long holdDownUntilNanos;

    /** @param flakyLimit how many failures in the window a path may have before it is flaky (K) */
    public PathHealth(int flakyLimit) {
        this.failureTimes = new long[Math.max(1, flakyLimit + 1)];
    }

    /**
     * Records a failure at {@code nowNanos}; true when the path has now failed more than K times within
     * {@code windowNanos} and is therefore flaky.
     */
    synchronized boolean recordFailure(long nowNanos, long windowNanos) {
        healthySinceNanos = NOT_HEALTHY;
        failureTimes[nextFailure] = nowNanos;
        nextFailure = (nextFailure + 1) % failureTimes.length;
        failureCount = Math.min(failureCount + 1, failureTimes.length);
        if (failureCount < failureTimes.length) {
            return false;
        }
        // The ring holds the last K+1 failures; the oldest is at nextFailure.
        return nowNanos - failureTimes[nextFailure] <= windowNanos;
    }

    /** Holds the path down until {@code untilNanos} and forgets the failures that made it flaky. */
    synchronized void holdDown(long untilNanos) {
        holdingDown = true;
        holdDownUntilNanos = untilNanos;
        failureCount = 0;
    }

    public synchronized boolean heldDown(long nowNanos) {
        if (holdingDown && nowNanos - holdDownUntilNanos >= 0) {
            holdingDown = false;
        }
        return holdingDown;
    }

    /** The path looked healthy at {@code nowNanos} (driver UP, probe answered); keeps the earliest such time. */
    synchronized void sawHealthy(long nowNanos) {
        if (healthySinceNanos == NOT_HEALTHY) {
            healthySinceNanos = nowNanos;
        }
    }

    /** The path looked unhealthy: the stability clock starts again. */
    synchronized void sawUnhealthy() {
        healthySinceNanos = NOT_HEALTHY;
    }

    /** True when the path has looked healthy continuously for at least {@code stableNanos}. */
    synchronized boolean stableFor(long nowNanos, long stableNanos) {
        return healthySinceNanos != NOT_HEALTHY && nowNanos - healthySinceNanos >= stableNanos;
    }

    /** An operator failed the path: it stays out until an operator reinstates it. */
    public synchronized void operatorHeld(boolean held) {
        operatorHeld = held;
    }

    public synchronized boolean operatorHeld() {
        return operatorHeld;
    }

    /** Forgets failures and any hold-down (operator reset or reinstate). */
    public synchronized void forget() {
        failureCount = 0;
        holdingDown = false;
    }
}
