package org.hbateam.failover.internal.config;

import org.hbateam.failover.internal.team.TeamMembership;

/**
 * The settings one team runs with: its own {@link TeamSettings} over the global {@link FailoverSettings}.
 * Both are immutable; {@link TeamMembership} replaces them under the team's lock (the path set is built
 * from them), and everyone else reads them lock-free.
 */
public final class EffectiveSettings {
    private volatile TeamSettings own;
    private volatile FailoverSettings global;

    public EffectiveSettings(TeamSettings own, FailoverSettings global) {
        this.own = own;
        this.global = global;
    }

    /** Called by {@link TeamMembership} under the team's lock, which then rebuilds the path set. */
    public void replace(TeamSettings newOwn, FailoverSettings newGlobal) {
        own = newOwn;
        global = newGlobal;
    }

    public TeamSettings own() {
        return own;
    }

    public FailoverSettings global() {
        return global;
    }

    public String name() {
        return own.name();
    }

    /** True when the team is configured {@code mode=failover-only}; read on the command path. */
    public boolean failoverOnly() {
        return own.failoverOnly();
    }

    public long noPathRetryMs() {
        long teams = own.noPathRetryMs();
        return teams >= 0 ? teams : global.noPathRetryMs();
    }

    public Failback failback() {
        Failback teams = own.failback();
        return teams != null ? teams : global.failback();
    }

    public long failbackStableMs() {
        long teams = own.failbackStableMs();
        return teams >= 0 ? teams : global.failbackStableMs();
    }
}
