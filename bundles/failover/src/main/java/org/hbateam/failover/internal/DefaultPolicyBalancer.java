package org.hbateam.failover.internal;

import java.util.Map;

import org.hbateam.api.balancer.BalancerFactory;
import org.hbateam.failover.internal.team.TeamRegistry;

/**
 * The balancer of the teams that have no {@code org.hbateam.team} configuration: the factory bound to
 * {@link FailoverService}'s {@code balancer} reference, handed to the registry only while it serves the
 * global {@code defaultPolicy} (see {@link BoundBalancer}); otherwise those teams route failover-only.
 */
final class DefaultPolicyBalancer {
    private final TeamRegistry registry;
    private volatile BoundBalancer bound;
    private volatile String policy;

    DefaultPolicyBalancer(TeamRegistry registry, String policy) {
        this.registry = registry;
        this.policy = policy;
    }

    void bind(BalancerFactory factory, Map<String, ?> serviceProperties) {
        bound = BoundBalancer.of(factory, serviceProperties);
        handOver();
    }

    void unbind(BalancerFactory factory) {
        // Bind comes before unbind when DS swaps: clear only if this factory is still the bound one.
        if (BoundBalancer.holds(bound, factory)) {
            bound = null;
            registry.defaultBalancer(null);
        }
    }

    /** The default policy changed: the bound factory may serve it now, or no longer. */
    void policy(String newPolicy) {
        policy = newPolicy;
        handOver();
    }

    /** Serialised, so the registry ends with the answer for the latest bind and policy. */
    private synchronized void handOver() {
        BoundBalancer current = bound;
        registry.defaultBalancer(BoundBalancer.serves(current, policy) ? current.factory() : null);
    }
}
