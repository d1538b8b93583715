package org.hbateam.balancer.dynamic.internal;

import java.lang.annotation.Annotation;

/** Plain DynamicConfiguration values for tests, as Config Admin would hand them to the component. */
final class Configs {
    private Configs() {
    }

    static DynamicConfiguration of(long timerIntervalMs, double changeThresholdPercent, double lbChangePercent) {
        return of(timerIntervalMs, changeThresholdPercent, lbChangePercent, "patent", 3, 25.0);
    }

    static DynamicConfiguration of(long timerIntervalMs, double changeThresholdPercent, double lbChangePercent,
                                   String mode, int relaxIntervals, double normalLatencyPercent) {
        return new DynamicConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DynamicConfiguration.class;
            }

            @Override
            public long timerIntervalMs() {
                return timerIntervalMs;
            }

            @Override
            public double changeThresholdPercent() {
                return changeThresholdPercent;
            }

            @Override
            public double lbChangePercent() {
                return lbChangePercent;
            }

            @Override
            public String mode() {
                return mode;
            }

            @Override
            public int relaxIntervals() {
                return relaxIntervals;
            }

            @Override
            public double normalLatencyPercent() {
                return normalLatencyPercent;
            }
        };
    }
}
