package org.hbateam.balancer.dynamic.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The dynamic balancer's global parameters ([0027]), PID {@value DynamicBalancerFactory#PID}. They apply to
 * every team that uses the {@code dynamic} policy. Invalid values are rejected with a log message naming the
 * key, and the parameters in force stay in force.
 */
@ObjectClassDefinition(id = DynamicBalancerFactory.PID, name = "hbateam dynamic balancer",
    description = "Global parameters of the patent's dynamic load balancing (FIG. 5), for every team with policy 'dynamic'.")
@interface DynamicConfiguration {
    /** TimerInterval: how often shares are recomputed. Milliseconds, greater than 0; default 1000. */
    @AttributeDefinition(name = "Timer interval (ms)", min = "1",
        description = "TimerInterval: every this many milliseconds the shares are recomputed from the bytes of the "
            + "last interval. Greater than 0. Default 1000.")
    long timerIntervalMs() default 1000L;

    /** ChangeThreshold: how far, in percentage points, a path may exceed its share before it is congested. 0 to 100; default 10. */
    @AttributeDefinition(name = "Change threshold (%)", min = "0", max = "100",
        description = "ChangeThreshold: a path whose actual share of the bytes exceeds its share by more than this many "
            + "percentage points is congested and gives share away. 0 to 100. Default 10.")
    double changeThresholdPercent() default 10.0;

    /** LBChange%: the percentage of a congested path's share moved to the least loaded path per tick. 0 to 100; default 10. */
    @AttributeDefinition(name = "Share change (%)", min = "0", max = "100",
        description = "LBChange%: the percentage of a congested path's own share that moves to the least loaded path "
            + "at each tick. 0 to 100. Default 10.")
    double lbChangePercent() default 10.0;
}
