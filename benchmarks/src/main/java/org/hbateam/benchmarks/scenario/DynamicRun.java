package org.hbateam.benchmarks.scenario;

import org.hbateam.api.team.Team;
import org.hbateam.load.QueueDepthLoop;

/**
 * Switches a loaded team from static to dynamic (the switch starts the dynamic balancer from the configured
 * shares, [0036]) and traces it until the shares have had time to settle; then the caller measures.
 * TimerInterval and the mode are set first, with the patent's other two parameters at their defaults
 * (ChangeThreshold 10, LBChange% 10).
 */
final class DynamicRun {
    static final int CHANGE_THRESHOLD = 10;
    static final int LB_CHANGE = 10;

    private DynamicRun() {
    }

    static Trace switchAndTrace(SimSetup setup, Team team, String teamName, Case c, double warmupSeconds,
            double settleSeconds, QueueDepthLoop load, QueueDepthLoop other, String adapter) throws Exception {
        setup.dynamicParameters(c.intervalMs(), CHANGE_THRESHOLD, LB_CHANGE, c.mode());
        setup.policy(teamName, "static", c.shares());
        Thread.sleep(Math.round(warmupSeconds * 1000));
        setup.policy(teamName, "dynamic", c.shares());
        long period = Math.max(10, Math.min(250, c.intervalMs() / 4));
        return Trace.record(team, load, other, adapter, Math.round(settleSeconds * 1000), period);
    }

    /** Throughput buckets: one TimerInterval, but at least 500 ms so a bucket holds enough commands. */
    static long bucketMs(Case c) {
        return Math.max(500, c.intervalMs());
    }
}
