package org.hbateam.failover.internal;

import org.hbateam.api.balancer.BalancerFactory;
import org.hbateam.failover.admin.ConfigurationProblem;
import org.hbateam.failover.internal.config.TeamSettings;

/**
 * What a team configuration component tells the failover service: an internal service interface
 * between the two components of this bundle, never exported.
 */
public interface TeamDirectory {
    /** The configuration {@code pid} now holds {@code settings}. */
    void applyTeamConfig(String pid, TeamSettings settings);

    /** The team of configuration {@code pid} balances with {@code factory} of {@code policy}; null for none. */
    void teamBalancer(String pid, BalancerFactory factory, String policy);

    /** The configuration {@code pid} is gone; its team goes back to the defaults. */
    void removeTeamConfig(String pid);

    /** The configuration {@code problem.pid()} is rejected, and what runs instead. */
    void configurationRejected(ConfigurationProblem problem);

    /** The configuration {@code pid} is accepted now, or gone: it has no problem to report. */
    void configurationAccepted(String pid);
}
