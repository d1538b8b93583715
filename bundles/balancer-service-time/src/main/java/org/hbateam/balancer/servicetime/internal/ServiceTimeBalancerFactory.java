package org.hbateam.balancer.servicetime.internal;

import org.hbateam.api.balancer.Balancer;
import org.hbateam.api.balancer.BalancerFactory;
import org.hbateam.api.balancer.TeamView;
import org.osgi.service.component.annotations.Component;

/** Publishes service-time balancing under policy {@code service-time}. */
@Component(service = BalancerFactory.class,
    property = BalancerFactory.POLICY + "=" + ServiceTimeBalancerFactory.POLICY)
public final class ServiceTimeBalancerFactory implements BalancerFactory {
    /** The policy name this factory is registered under. */
    public static final String POLICY = "service-time";

    /** Creates the factory; it needs nothing. */
    public ServiceTimeBalancerFactory() {
        // Declarative Services calls this; there is no configuration and no reference.
    }

    /** A new service-time balancer for {@code team}, starting from its current paths; never blocks. */
    @Override
    public Balancer create(TeamView team) {
        return new ServiceTimeBalancer(team);
    }
}
