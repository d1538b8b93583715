package org.hbateam.failover.internal;

import org.hbateam.api.balancer.BalancerFactory;

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
}
