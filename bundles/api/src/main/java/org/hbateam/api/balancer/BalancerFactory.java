package org.hbateam.api.balancer;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A balancing strategy. A strategy bundle registers its factory as a service with the {@link #POLICY}
 * property; a team's configuration names the policy and the failover service binds to that factory
 * through a target filter, so changing the configuration swaps the strategy live.
 */
@ConsumerType
public interface BalancerFactory {
    /** Service property, {@code String}: the policy name, such as {@code static}, {@code dynamic} or {@code round-robin}. */
    String POLICY = "hbateam.policy";

    /** Creates the balancing state for one team. Must not block; the team's counters are already live. */
    Balancer create(TeamView team);
}
