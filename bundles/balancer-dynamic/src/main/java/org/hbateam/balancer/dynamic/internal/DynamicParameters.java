package org.hbateam.balancer.dynamic.internal;

/**
 * Validated dynamic-balancing parameters ([0027]).
 *
 * @param timerIntervalMs        TimerInterval in milliseconds, greater than 0
 * @param changeThresholdPercent ChangeThreshold in percentage points, 0 to 100
 * @param lbChangePercent        LBChange%: percent of a congested path's share moved per tick, 0 to 100
 */
record DynamicParameters(long timerIntervalMs, double changeThresholdPercent, double lbChangePercent) {
    /** The metatype defaults. */
    static final DynamicParameters DEFAULTS = new DynamicParameters(1000L, 10.0, 10.0);

    /** The parameters of {@code config}; throws {@link IllegalArgumentException} naming the first bad key and why. */
    static DynamicParameters from(DynamicConfiguration config) {
        long interval = config.timerIntervalMs();
        if (interval <= 0) {
            throw new IllegalArgumentException("timerIntervalMs must be greater than 0, was " + interval);
        }
        double threshold = percent("changeThresholdPercent", config.changeThresholdPercent());
        double change = percent("lbChangePercent", config.lbChangePercent());
        return new DynamicParameters(interval, threshold, change);
    }

    private static double percent(String key, double value) {
        if (!(value >= 0.0 && value <= 100.0)) { // also rejects NaN
            throw new IllegalArgumentException(key + " must be between 0 and 100, was " + value);
        }
        return value;
    }
}
