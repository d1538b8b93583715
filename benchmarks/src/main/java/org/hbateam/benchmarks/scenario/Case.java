package org.hbateam.benchmarks.scenario;

/**
 * One row of a scenario table: a policy, its shares, and for {@code dynamic} the TimerInterval and mode.
 *
 * @param label       how the row is named in the table
 * @param policy      the team's policy
 * @param shares      share entries {@code adapter=percent} for read and write, none for equal shares
 * @param intervalMs  the dynamic balancer's TimerInterval; 0 for the other policies
 * @param mode        the dynamic balancer's mode ({@code patent}, {@code relaxed}, {@code capacity})
 */
record Case(String label, String policy, String[] shares, long intervalMs, String mode) {
    static Case of(String policy) {
        return new Case(policy, policy, new String[0], 0, "patent");
    }

    static Case of(String label, String policy, String... shares) {
        return new Case(label, policy, shares, 0, "patent");
    }

    static Case dynamic(long intervalMs) {
        return dynamic(intervalMs, "patent");
    }

    /** The dynamic policy in {@code mode}; the patent's mode keeps the plain label of the earlier tables. */
    static Case dynamic(long intervalMs, String mode) {
        String label = mode.equals("patent") ? "dynamic, " : "dynamic " + mode + ", ";
        return new Case(label + intervalMs + " ms", "dynamic", new String[0], intervalMs, mode);
    }

    boolean isDynamic() {
        return intervalMs > 0;
    }
}
