package org.hbateam.failover.internal.health;

import org.hbateam.failover.internal.config.FailoverSettings;

/**
 * When a command on a path has timed out. Two limits:
 * <ul>
 *   <li>the adaptive timeout of the path (the idea of TCP's retransmission timeout):
 *       {@code max(floor, factor x (average + 4 x deviation))}, capped by the ceiling {@code commandTimeoutMs};
 *       average plus four deviations approximates a high percentile (p99) of the path's latency. A path
 *       that has answered nothing yet gets {@code min(ceiling, 4 x floor)} (2 s with the defaults).</li>
 *   <li>the ceiling {@code commandTimeoutMs} itself.</li>
 * </ul>
 * A command times out past the ceiling, or past the adaptive timeout when its path has also been silent
 * (answered nothing, neither command nor probe) for the adaptive timeout. A completed command is proof of
 * life: a saturated path whose queue makes single commands slow keeps completing and is never failed for
 * it (no false positive when a failover suddenly moves all the load onto an idle secondary whose probe
 * latencies made its adaptive timeout short), while a silent black hole on a fast path is detected after
 * the 500 ms floor plus one sweep with the defaults.
 */
public final class TimeoutPolicy {
    private TimeoutPolicy() {
    }

    /** True when an attempt of age {@code ageNanos} on {@code entry} has timed out at {@code nowNanos}. */
    static boolean timedOut(PathEntry entry, long ageNanos, long nowNanos, FailoverSettings settings) {
        if (ageNanos > settings.commandTimeoutNanos()) {
            return true;
        }
        long adaptive = timeoutNanos(entry.counters, settings);
        return ageNanos > adaptive && nowNanos - entry.lastProgressNanos() > adaptive;
    }

    public static long timeoutNanos(PathCounters counters, FailoverSettings settings) {
        long average = counters.averageLatencyNanos();
        if (average == 0) {
            return Math.min(settings.commandTimeoutNanos(), 4 * settings.commandTimeoutFloorNanos());
        }
        long estimate = settings.timeoutLatencyFactor() * (average + 4 * counters.latencyDeviationNanos());
        return Math.min(settings.commandTimeoutNanos(), Math.max(settings.commandTimeoutFloorNanos(), estimate));
    }
}
