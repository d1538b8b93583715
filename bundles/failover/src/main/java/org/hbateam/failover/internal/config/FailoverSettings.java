package org.hbateam.failover.internal.config;

import java.util.concurrent.TimeUnit;

/**
 * The validated global settings (PID {@code org.hbateam.failover}); see {@link FailoverConfiguration} for
 * every key, default and range. Immutable; a new configuration replaces the whole object or nothing. Public
 * (in an unexported package) so that harnesses build a {@link FailoverService} with {@code new}, as DS does.
 */
public record FailoverSettings(String defaultPolicy, long commandTimeoutMs, long commandTimeoutFloorMs,
                        int timeoutLatencyFactor, long noPathRetryMs, int maxRetries, long probeIntervalMs,
                        long sweepIntervalMs, Failback failback, long failbackStableMs, int flakyFailures,
                        long flakyWindowMs, long flakyHoldDownMs, long fenceTimeoutMs, long targetRetryMs) {
    public static final String PID = "org.hbateam.failover";

    /** The defaults, as {@link FailoverConfiguration} declares them. */
    public static FailoverSettings defaults() {
        return new FailoverSettings("static", 30000, 500, 4, 15000, 8, 2000, 50, Failback.STABLE, 5000, 5,
                60000, 60000, 30000, 15000);
    }

    /** Validates a configuration; the exception names the first bad key. */
    public static FailoverSettings from(FailoverConfiguration c) throws InvalidConfigurationException {
        String policy = c.defaultPolicy() == null ? "" : c.defaultPolicy().trim();
        if (!PolicyFilter.isValidPolicyName(policy)) {
            throw new InvalidConfigurationException(PID, "defaultPolicy",
                    "'" + c.defaultPolicy() + "' is not a policy name (letters, digits, '-', '_', '.')");
        }
        range("commandTimeoutMs", c.commandTimeoutMs(), 100, 600_000);
        range("commandTimeoutFloorMs", c.commandTimeoutFloorMs(), 10, c.commandTimeoutMs());
        range("timeoutLatencyFactor", c.timeoutLatencyFactor(), 1, 100);
        range("noPathRetryMs", c.noPathRetryMs(), 0, 86_400_000);
        range("maxRetries", c.maxRetries(), 0, 100);
        range("probeIntervalMs", c.probeIntervalMs(), 50, 3_600_000);
        range("sweepIntervalMs", c.sweepIntervalMs(), 5, 10_000);
        Failback failback = Failback.parse(c.failback());
        if (failback == null) {
            throw new InvalidConfigurationException(PID, "failback",
                    "'" + c.failback() + "' is not one of immediate, manual, stable");
        }
        range("failbackStableMs", c.failbackStableMs(), 0, 3_600_000);
        range("flakyFailures", c.flakyFailures(), 1, 1000);
        range("flakyWindowMs", c.flakyWindowMs(), 1000, 86_400_000);
        range("flakyHoldDownMs", c.flakyHoldDownMs(), 0, 86_400_000);
        // Below 100 ms an abort cannot even make one round trip on a loaded link, so every fence would time out.
        range("fenceTimeoutMs", c.fenceTimeoutMs(), 100, 3_600_000);
        range("targetRetryMs", c.targetRetryMs(), 0, 3_600_000);
        return new FailoverSettings(policy, c.commandTimeoutMs(), c.commandTimeoutFloorMs(), c.timeoutLatencyFactor(),
                c.noPathRetryMs(), c.maxRetries(), c.probeIntervalMs(), c.sweepIntervalMs(), failback,
                c.failbackStableMs(), c.flakyFailures(), c.flakyWindowMs(), c.flakyHoldDownMs(), c.fenceTimeoutMs(),
                c.targetRetryMs());
    }

    static void range(String key, long value, long min, long max) throws InvalidConfigurationException {
        if (value < min || value > max) {
            throw new InvalidConfigurationException(PID, key, value + " is outside " + min + " to " + max);
        }
    }

    public FailoverSettings withDefaultPolicy(String policy) {
        return new FailoverSettings(policy, commandTimeoutMs, commandTimeoutFloorMs, timeoutLatencyFactor,
                noPathRetryMs, maxRetries, probeIntervalMs, sweepIntervalMs, failback, failbackStableMs, flakyFailures,
                flakyWindowMs, flakyHoldDownMs, fenceTimeoutMs, targetRetryMs);
    }

    public FailoverSettings withNoPathRetryMs(long millis) {
        return new FailoverSettings(defaultPolicy, commandTimeoutMs, commandTimeoutFloorMs, timeoutLatencyFactor,
                millis, maxRetries, probeIntervalMs, sweepIntervalMs, failback, failbackStableMs, flakyFailures,
                flakyWindowMs, flakyHoldDownMs, fenceTimeoutMs, targetRetryMs);
    }

    public FailoverSettings withProbeIntervalMs(long millis) {
        return new FailoverSettings(defaultPolicy, commandTimeoutMs, commandTimeoutFloorMs, timeoutLatencyFactor,
                noPathRetryMs, maxRetries, millis, sweepIntervalMs, failback, failbackStableMs, flakyFailures,
                flakyWindowMs, flakyHoldDownMs, fenceTimeoutMs, targetRetryMs);
    }

    public FailoverSettings withFailback(Failback newFailback, long stableMs) {
        return new FailoverSettings(defaultPolicy, commandTimeoutMs, commandTimeoutFloorMs, timeoutLatencyFactor,
                noPathRetryMs, maxRetries, probeIntervalMs, sweepIntervalMs, newFailback, stableMs, flakyFailures,
                flakyWindowMs, flakyHoldDownMs, fenceTimeoutMs, targetRetryMs);
    }

    public FailoverSettings withFlaky(int failures, long windowMs, long holdDownMs) {
        return new FailoverSettings(defaultPolicy, commandTimeoutMs, commandTimeoutFloorMs, timeoutLatencyFactor,
                noPathRetryMs, maxRetries, probeIntervalMs, sweepIntervalMs, failback, failbackStableMs, failures,
                windowMs, holdDownMs, fenceTimeoutMs, targetRetryMs);
    }

    public FailoverSettings withFencing(long fenceMs, long targetRetryBudgetMs) {
        return new FailoverSettings(defaultPolicy, commandTimeoutMs, commandTimeoutFloorMs, timeoutLatencyFactor,
                noPathRetryMs, maxRetries, probeIntervalMs, sweepIntervalMs, failback, failbackStableMs, flakyFailures,
                flakyWindowMs, flakyHoldDownMs, fenceMs, targetRetryBudgetMs);
    }

    public long fenceTimeoutNanos() {
        return TimeUnit.MILLISECONDS.toNanos(fenceTimeoutMs);
    }

    public long targetRetryNanos() {
        return TimeUnit.MILLISECONDS.toNanos(targetRetryMs);
    }

    public long commandTimeoutNanos() {
        return TimeUnit.MILLISECONDS.toNanos(commandTimeoutMs);
    }

    public long commandTimeoutFloorNanos() {
        return TimeUnit.MILLISECONDS.toNanos(commandTimeoutFloorMs);
    }

    public long probeIntervalNanos() {
        return TimeUnit.MILLISECONDS.toNanos(probeIntervalMs);
    }
}
