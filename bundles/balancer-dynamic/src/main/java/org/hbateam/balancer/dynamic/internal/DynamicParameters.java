package org.hbateam.balancer.dynamic.internal;

/**
 * Validated dynamic-balancing parameters ([0027]), and the modes beyond the patent.
 *
 * @param timerIntervalMs        TimerInterval in milliseconds, greater than 0
 * @param changeThresholdPercent ChangeThreshold in percentage points, 0 to 100
 * @param lbChangePercent        LBChange%: percent of a congested path's share moved per tick, 0 to 100
 * @param mode                   how shares move: the patent's rule, relaxed, or capacity-aware
 * @param relaxIntervals         relaxed mode: quiet intervals in a row before a path gets share back, at least 1
 * @param normalLatencyPercent   relaxed mode: how far above the team's mean latency a path's latency is still normal
 */
record DynamicParameters(long timerIntervalMs, double changeThresholdPercent, double lbChangePercent, ShareMode mode,
                         int relaxIntervals, double normalLatencyPercent) {
    /** The metatype defaults. */
    static final DynamicParameters DEFAULTS = new DynamicParameters(1000L, 10.0, 10.0, ShareMode.PATENT, 3, 25.0);

    /** The patent's three parameters in the patent's mode, the other keys at their defaults. */
    static DynamicParameters patent(long timerIntervalMs, double changeThresholdPercent, double lbChangePercent) {
        return new DynamicParameters(timerIntervalMs, changeThresholdPercent, lbChangePercent, ShareMode.PATENT,
            DEFAULTS.relaxIntervals(), DEFAULTS.normalLatencyPercent());
    }

    /** The parameters of {@code config}; throws {@link IllegalArgumentException} naming the first bad key and why. */
    static DynamicParameters from(DynamicConfiguration config) {
        long interval = config.timerIntervalMs();
        if (interval <= 0) {
            throw new IllegalArgumentException("timerIntervalMs must be greater than 0, was " + interval);
        }
        double threshold = percent("changeThresholdPercent", config.changeThresholdPercent());
        double change = percent("lbChangePercent", config.lbChangePercent());
        ShareMode mode = ShareMode.parse(config.mode());
        if (config.relaxIntervals() < 1) {
            throw new IllegalArgumentException("relaxIntervals must be at least 1, was " + config.relaxIntervals());
        }
        double normal = config.normalLatencyPercent();
        if (!(normal >= 0.0 && normal <= 1000.0)) {
            throw new IllegalArgumentException("normalLatencyPercent must be between 0 and 1000, was " + normal);
        }
        return new DynamicParameters(interval, threshold, change, mode, config.relaxIntervals(), normal);
    }

    private static double percent(String key, double value) {
        if (!(value >= 0.0 && value <= 100.0)) { // also rejects NaN
            throw new IllegalArgumentException(key + " must be between 0 and 100, was " + value);
        }
        return value;
    }
}
