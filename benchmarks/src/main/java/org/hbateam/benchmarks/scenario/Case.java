package org.hbateam.benchmarks.scenario;

/**
 * One row of a scenario table: a policy, its shares, and for {@code dynamic} the TimerInterval.
 *
 * @param label       how the row is named in the table
 * @param policy      the team's policy
 * @param shares      share entries {@code adapter=percent} for read and write, none for equal shares
 * @param intervalMs  the dynamic balancer's TimerInterval; 0 for the other policies
 */
record Case(String label, String policy, String[] shares, long intervalMs) {
    static Case of(String policy) {
        return new Case(policy, policy, new String[0], 0);
    }

    static Case dynamic(long intervalMs) {
        return new Case("dynamic, " + intervalMs + " ms", "dynamic", new String[0], intervalMs);
    }

    boolean isDynamic() {
        return intervalMs > 0;
    }
}
