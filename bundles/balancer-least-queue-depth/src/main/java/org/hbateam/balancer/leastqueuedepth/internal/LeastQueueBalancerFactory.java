package org.hbateam.balancer.leastqueuedepth.internal;

import org.hbateam.api.balancer.Balancer;
import org.hbateam.api.balancer.BalancerFactory;
import org.hbateam.api.balancer.TeamView;
import org.osgi.service.component.annotations.Component;

/** Publishes least-queue-depth balancing under policy {@code least-queue-depth}. */
@Component(service = BalancerFactory.class,
    property = BalancerFactory.POLICY + "=" + LeastQueueBalancerFactory.POLICY)
public final class LeastQueueBalancerFactory implements BalancerFactory {
    /** The policy name this factory is registered under. */
    public static final String POLICY = "least-queue-depth";

    /** Creates the factory; it needs nothing. */
    public LeastQueueBalancerFactory() {
        // Declarative Services calls this; there is no configuration and no reference.
    }

    /** A new least-queue-depth balancer for {@code team}, starting from its current paths; never blocks. */
    @Override
    public Balancer create(TeamView team) {
        return new LeastQueueBalancer(team);
    }
}
