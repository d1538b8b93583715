package org.hbateam.balancer.roundrobin.internal;

import org.hbateam.api.balancer.Balancer;
import org.hbateam.api.balancer.BalancerFactory;
import org.hbateam.api.balancer.TeamView;
import org.osgi.service.component.annotations.Component;

/** Publishes round-robin balancing under policy {@code round-robin}; each team gets its own rotation. */
@Component(service = BalancerFactory.class,
    property = BalancerFactory.POLICY + "=" + RoundRobinBalancerFactory.POLICY)
public final class RoundRobinBalancerFactory implements BalancerFactory {
    /** The policy name this factory is registered under. */
    public static final String POLICY = "round-robin";

    /** Creates the factory; it needs nothing. */
    public RoundRobinBalancerFactory() {
        // Declarative Services calls this; there is no configuration and no reference.
    }

    /** A new round-robin balancer for {@code team}, starting from its current paths; never blocks. */
    @Override
    public Balancer create(TeamView team) {
        return new RoundRobinBalancer(team);
    }
}
