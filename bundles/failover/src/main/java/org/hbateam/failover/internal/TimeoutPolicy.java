package org.hbateam.failover.internal;

/**
 * The command timeout of a path, adapted to the latencies it shows (the idea of TCP's retransmission
 * timeout): {@code max(floor, factor x (average + 4 x deviation))}, capped by the ceiling
 * {@code commandTimeoutMs}. Average plus four deviations approximates a high percentile (p99) of the
 * path's latency; the factor leaves room for a sudden load shift (a failover doubles a survivor's
 * queue). A path that has not completed anything yet gets the ceiling. With the defaults a silent black
 * hole on a fast path is detected after the 500 ms floor plus one sweep, while a saturated path whose
 * latency grows to seconds gets a proportionally longer timeout and no false positive.
 */
final class TimeoutPolicy {
    private TimeoutPolicy() {
    }

    static long timeoutNanos(PathCounters counters, FailoverSettings settings) {
        long average = counters.averageLatencyNanos();
        if (average == 0) {
            return settings.commandTimeoutNanos();
        }
        long estimate = settings.timeoutLatencyFactor() * (average + 4 * counters.latencyDeviationNanos());
        return Math.min(settings.commandTimeoutNanos(), Math.max(settings.commandTimeoutFloorNanos(), estimate));
    }
}
