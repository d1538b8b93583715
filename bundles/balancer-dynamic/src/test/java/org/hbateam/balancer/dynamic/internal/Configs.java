package org.hbateam.balancer.dynamic.internal;

import java.util.Map;

import org.osgi.util.converter.Converters;

/** DynamicConfiguration values for tests, converted from a map by the rules DS applies to Config Admin's. */
final class Configs {
    private Configs() {
    }

    static DynamicConfiguration of(long timerIntervalMs, double changeThresholdPercent, double lbChangePercent) {
        return Converters.standardConverter().convert(Map.of("timerIntervalMs", timerIntervalMs,
                "changeThresholdPercent", changeThresholdPercent, "lbChangePercent", lbChangePercent))
                .to(DynamicConfiguration.class);
    }
}
