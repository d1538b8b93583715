package org.hbateam.balancer.dynamic.internal;

import java.util.Map;

import org.osgi.util.converter.Converters;

/** DynamicConfiguration values for tests, converted from a map by the rules DS applies to Config Admin's. */
final class Configs {
    private Configs() {
    }

    static DynamicConfiguration of(long timerIntervalMs, double changeThresholdPercent, double lbChangePercent) {
        return of(timerIntervalMs, changeThresholdPercent, lbChangePercent, "patent", 3, 25.0);
    }

    static DynamicConfiguration of(long timerIntervalMs, double changeThresholdPercent, double lbChangePercent,
                                   String mode, int relaxIntervals, double normalLatencyPercent) {
        return Converters.standardConverter().convert(Map.of("timerIntervalMs", timerIntervalMs,
                "changeThresholdPercent", changeThresholdPercent, "lbChangePercent", lbChangePercent, "mode", mode,
                "relaxIntervals", relaxIntervals, "normalLatencyPercent", normalLatencyPercent))
                .to(DynamicConfiguration.class);
    }
}
