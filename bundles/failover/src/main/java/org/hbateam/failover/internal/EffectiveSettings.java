package org.hbateam.failover.internal;

/**
 * The settings one team runs with: its own {@link TeamSettings} over the global {@link FailoverSettings}.
 * Both are immutable; {@link TeamMembership} replaces them under the team's lock (the path set is built
 * from them), and everyone else reads them lock-free.
 */
final class EffectiveSettings {
    private volatile TeamSettings own;
    private volatile FailoverSettings global;

    EffectiveSettings(TeamSettings own, FailoverSettings global) {
        this.own = own;
        this.global = global;
    }

    /** Called by {@link TeamMembership} under the team's lock, which then rebuilds the path set. */
    void replace(TeamSettings newOwn, FailoverSettings newGlobal) {
        own = newOwn;
        global = newGlobal;
    }

    TeamSettings own() {
        return own;
    }

    FailoverSettings global() {
        return global;
    }

    String name() {
        return own.name();
    }

    /** True when the team is configured {@code mode=failover-only}; read on the command path. */
    boolean failoverOnly() {
        return own.failoverOnly();
    }

    long noPathRetryMs() {
        long teams = own.noPathRetryMs();
        return teams >= 0 ? teams : global.noPathRetryMs();
    }

    Failback failback() {
        Failback teams = own.failback();
        return teams != null ? teams : global.failback();
    }

    long failbackStableMs() {
        long teams = own.failbackStableMs();
        return teams >= 0 ? teams : global.failbackStableMs();
    }
}
