package org.hbateam.failover.internal.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The global failover settings, PID {@code org.hbateam.failover}. Every team without its own value uses these. */
@ObjectClassDefinition(id = FailoverSettings.PID, name = "hbateam failover",
        description = "Global settings of the hbateam failover service: default balancing policy, timeouts, retries, health checks.")
public @interface FailoverConfiguration {
    @AttributeDefinition(name = "Default policy",
            description = "Balancing policy of teams without their own org.hbateam.team configuration: the hbateam.policy "
                    + "of a BalancerFactory service (static, dynamic, round-robin, least-queue-depth, service-time). "
                    + "Default static.")
    String defaultPolicy() default "static";

    @AttributeDefinition(name = "Command timeout ceiling (ms)",
            description = "Longest one command may stay unanswered on a path, even while the path keeps completing others, "
                    + "before the path is failed and the command retried elsewhere. 100 to 600000, default 30000.")
    long commandTimeoutMs() default 30000;

    @AttributeDefinition(name = "Command timeout floor (ms)",
            description = "Shortest adaptive timeout. The adaptive timeout of a path is max(floor, factor x (average latency + "
                    + "4 x latency deviation)), capped by the ceiling, and min(ceiling, 4 x floor) before any latency is known. "
                    + "A command times out past it only if its path has also answered nothing for that long. 10 to the ceiling, default 500.")
    long commandTimeoutFloorMs() default 500;

    @AttributeDefinition(name = "Timeout latency factor",
            description = "How many times the path's high-percentile latency estimate a command may take. 1 to 100, default 4.")
    int timeoutLatencyFactor() default 4;

    @AttributeDefinition(name = "No-path retry (ms)",
            description = "How long a command waits for a usable path when none is, before it fails with "
                    + "NoUsablePathException. 0 to 86400000, default 15000.")
    long noPathRetryMs() default 15000;

    @AttributeDefinition(name = "Max retries",
            description = "Path errors one command may meet before it fails. 0 to 100, default 8.")
    int maxRetries() default 8;

    @AttributeDefinition(name = "Probe interval (ms)",
            description = "An idle path (no command in flight and none finished for this long) or a failed path is "
                    + "probed this often. A path with traffic is never probed. 50 to 3600000, default 2000.")
    long probeIntervalMs() default 2000;

    @AttributeDefinition(name = "Sweep interval (ms)",
            description = "How often the single sweeper checks timeouts, queued commands and probes. 5 to 10000, default 50.")
    long sweepIntervalMs() default 50;

    @AttributeDefinition(name = "Failback",
            description = "When a failed path that is healthy again carries I/O: immediate, manual (only when an "
                    + "operator reinstates it) or stable (after failbackStableMs of continuous health). Default stable.")
    String failback() default "stable";

    @AttributeDefinition(name = "Failback stable time (ms)",
            description = "For failback=stable: how long a path must look healthy before it is reinstated. "
                    + "0 to 3600000, default 5000.")
    long failbackStableMs() default 5000;

    @AttributeDefinition(name = "Flaky failures",
            description = "A path that fails more than this many times within flakyWindowMs is flaky and held down. "
                    + "1 to 1000, default 5.")
    int flakyFailures() default 5;

    @AttributeDefinition(name = "Flaky window (ms)",
            description = "The window in which failures are counted for flakiness. 1000 to 86400000, default 60000.")
    long flakyWindowMs() default 60000;

    @AttributeDefinition(name = "Flaky hold-down (ms)",
            description = "How long a flaky path is held down before failback is considered. 0 to 86400000, default 60000.")
    long flakyHoldDownMs() default 60000;

    @AttributeDefinition(name = "Fence timeout (ms)",
            description = "How long a command whose attempt ended with an unknown outcome (timeout, lost connection) waits "
                    + "for its path's driver to prove it can no longer run there (abort confirmed, session gone) before it is "
                    + "retried elsewhere. If no proof comes in time, the command fails with a TeamException and is never "
                    + "replayed. 100 to 3600000, default 30000.")
    long fenceTimeoutMs() default 30000;

    @AttributeDefinition(name = "Target retry budget (ms)",
            description = "How long a command may keep being retried, with backoff from 10 ms doubling to 1 s, while the "
                    + "target answers BUSY, TASK SET FULL, ABORTED COMMAND, NOT READY 04/01 or 04/0A, or a UNIT ATTENTION "
                    + "other than 29/xx. After it, the last answer goes to the caller. 0 (never retry) to 3600000, default 15000.")
    long targetRetryMs() default 15000;
}
