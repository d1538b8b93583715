package org.hbateam.balancer.dynamic.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

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

    /** How shares move: {@code patent} (FIG. 5 exactly), {@code relaxed} or {@code capacity}; default patent. */
    @AttributeDefinition(name = "Mode",
        options = {
            @Option(label = "patent: FIG. 5 exactly; share leaves a congested path and never comes back", value = "patent"),
            @Option(label = "relaxed: FIG. 5, and share returns to the configuration once congestion is over", value = "relaxed"),
            @Option(label = "capacity: shares follow each path's measured latency, for links of unequal speed", value = "capacity")},
        description = "How the timer moves shares. patent: the patent's FIG. 5 rule exactly (share leaves a path "
            + "whose adapter carries more than its share, and never comes back). relaxed: FIG. 5, and a path that has "
            + "stayed under its configured share with normal latency for relaxIntervals ticks gets LBChange% of its "
            + "configured share back per tick. capacity: shares follow measured latency instead of bytes, so that each "
            + "path carries in proportion to its speed. Default patent.")
    String mode() default "patent";

    /** Relaxed mode: quiet intervals in a row before a path gets share back. At least 1; default 3. */
    @AttributeDefinition(name = "Relax after (intervals)", min = "1",
        description = "Relaxed mode only: how many intervals in a row a path must carry less than its configured share, "
            + "give nothing and show normal latency before share flows back to it. At least 1. Default 3.")
    int relaxIntervals() default 3;

    /** Relaxed mode: how far above the team's mean latency a path's latency is still normal, in percent. 0 to 1000; default 25. */
    @AttributeDefinition(name = "Normal latency (% above mean)", min = "0", max = "1000",
        description = "Relaxed mode only: a path whose average latency is at most this many percent above the mean of the "
            + "team's usable paths counts as recovered; a slower one is taken to be still congested and gets nothing "
            + "back. 0 to 1000. Default 25.")
    double normalLatencyPercent() default 25.0;
}
