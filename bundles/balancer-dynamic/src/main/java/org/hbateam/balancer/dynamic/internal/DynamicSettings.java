package org.hbateam.balancer.dynamic.internal;

/**
 * Validated dynamic-balancing parameters ([0027]) and the modes beyond the patent. Every instance is valid: the
 * constructor throws {@link IllegalArgumentException} naming the first bad key and why. Public (in an unexported
 * package) so that harnesses build a {@link DynamicBalancerFactory} with {@code new}, as DS does.
 *
 * @param timerIntervalMs        TimerInterval in milliseconds, greater than 0
 * @param changeThresholdPercent ChangeThreshold in percentage points, 0 to 100
 * @param lbChangePercent        LBChange%: percent of a congested path's share moved per tick, 0 to 100
 * @param mode                   how shares move: the patent's rule, relaxed, or capacity-aware
 * @param relaxIntervals         relaxed mode: quiet intervals in a row before a path gets share back, at least 1
 * @param normalLatencyPercent   relaxed mode: how far above the team's mean latency a path's latency is still normal
 */
public record DynamicSettings(long timerIntervalMs, double changeThresholdPercent, double lbChangePercent, ShareMode mode,
                              int relaxIntervals, double normalLatencyPercent) {
    /** The metatype defaults. */
    public static final DynamicSettings DEFAULTS = new DynamicSettings(1000L, 10.0, 10.0);

    public DynamicSettings {
        if (timerIntervalMs <= 0) {
            throw new IllegalArgumentException("timerIntervalMs must be greater than 0, was " + timerIntervalMs);
        }
        percent("changeThresholdPercent", changeThresholdPercent);
        percent("lbChangePercent", lbChangePercent);
        if (mode == null) {
            throw new IllegalArgumentException(ShareMode.KEY + " must be set");
        }
        if (relaxIntervals < 1) {
            throw new IllegalArgumentException("relaxIntervals must be at least 1, was " + relaxIntervals);
        }
        if (!(normalLatencyPercent >= 0.0 && normalLatencyPercent <= 1000.0)) {
            throw new IllegalArgumentException("normalLatencyPercent must be between 0 and 1000, was " + normalLatencyPercent);
        }
    }

    /** The patent's three parameters in the patent's mode, the other keys at their defaults. */
    public DynamicSettings(long timerIntervalMs, double changeThresholdPercent, double lbChangePercent) {
        this(timerIntervalMs, changeThresholdPercent, lbChangePercent, ShareMode.PATENT, 3, 25.0);
    }

    /** These settings in {@code newMode}. */
    public DynamicSettings withMode(ShareMode newMode) {
        return new DynamicSettings(timerIntervalMs, changeThresholdPercent, lbChangePercent, newMode, relaxIntervals,
            normalLatencyPercent);
    }

    /** The parameters of {@code config}; throws {@link IllegalArgumentException} naming the first bad key and why. */
    static DynamicSettings from(DynamicConfiguration config) {
        return new DynamicSettings(config.timerIntervalMs(), config.changeThresholdPercent(), config.lbChangePercent(),
            ShareMode.parse(config.mode()), config.relaxIntervals(), config.normalLatencyPercent());
    }

    private static void percent(String key, double value) {
        if (!(value >= 0.0 && value <= 100.0)) { // also rejects NaN
            throw new IllegalArgumentException(key + " must be between 0 and 100, was " + value);
        }
    }
}
