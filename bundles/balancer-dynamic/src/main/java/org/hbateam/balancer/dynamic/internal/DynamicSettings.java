package org.hbateam.balancer.dynamic.internal;

/**
 * Validated dynamic-balancing parameters ([0027]). Every instance is valid: the constructor throws
 * {@link IllegalArgumentException} naming the first bad key and why. Public (in an unexported package) so that
 * harnesses build a {@link DynamicBalancerFactory} with {@code new}, as DS does.
 *
 * @param timerIntervalMs        TimerInterval in milliseconds, greater than 0
 * @param changeThresholdPercent ChangeThreshold in percentage points, 0 to 100
 * @param lbChangePercent        LBChange%: percent of a congested path's share moved per tick, 0 to 100
 */
public record DynamicSettings(long timerIntervalMs, double changeThresholdPercent, double lbChangePercent) {
    /** The metatype defaults. */
    public static final DynamicSettings DEFAULTS = new DynamicSettings(1000L, 10.0, 10.0);

    public DynamicSettings {
        if (timerIntervalMs <= 0) {
            throw new IllegalArgumentException("timerIntervalMs must be greater than 0, was " + timerIntervalMs);
        }
        percent("changeThresholdPercent", changeThresholdPercent);
        percent("lbChangePercent", lbChangePercent);
    }

    /** The parameters of {@code config}; throws {@link IllegalArgumentException} naming the first bad key and why. */
    static DynamicSettings from(DynamicConfiguration config) {
        return new DynamicSettings(config.timerIntervalMs(), config.changeThresholdPercent(), config.lbChangePercent());
    }

    private static void percent(String key, double value) {
        if (!(value >= 0.0 && value <= 100.0)) { // also rejects NaN
            throw new IllegalArgumentException(key + " must be between 0 and 100, was " + value);
        }
    }
}
