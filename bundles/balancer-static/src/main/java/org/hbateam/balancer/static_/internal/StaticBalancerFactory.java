package org.hbateam.balancer.static_.internal;

import org.hbateam.api.balancer.Balancer;
import org.hbateam.api.balancer.BalancerFactory;
import org.hbateam.api.balancer.TeamView;
import org.osgi.service.component.annotations.Component;

/**
 * Publishes the patent's static balancing (FIG. 4) under policy {@code static}. Stateless: each team gets
 * its own {@link StaticBalancer}; the shares come from the team's configuration through the PathSet.
 */
@Component(service = BalancerFactory.class, property = BalancerFactory.POLICY + "=" + StaticBalancerFactory.POLICY)
public final class StaticBalancerFactory implements BalancerFactory {
    /** The policy name this factory is registered under. */
    public static final String POLICY = "static";

    /** Creates the factory; it needs nothing. */
    public StaticBalancerFactory() {
        // Declarative Services calls this; there is no configuration and no reference.
    }

    /** A new static balancer for {@code team}, starting from its current paths; never blocks. */
    @Override
    public Balancer create(TeamView team) {
        return new StaticBalancer(team);
    }
}
