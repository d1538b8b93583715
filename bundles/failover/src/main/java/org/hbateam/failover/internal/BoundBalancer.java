package org.hbateam.failover.internal;

import java.util.Map;

import org.hbateam.api.balancer.BalancerFactory;

/**
 * The factory a component's {@code balancer} reference has bound, with the policy it advertises. A
 * component uses it only for the policy it is configured with: a factory of another policy was bound under
 * a target filter that {@link PolicyTargetWriter} has not replaced yet, or is the old one while DS swaps
 * (DS binds the new factory before it unbinds the old one). One immutable value in one volatile field, so a
 * reader never sees one factory with another's policy.
 */
record BoundBalancer(BalancerFactory factory, String policy) {

    /** What DS bound: the factory and the {@link BalancerFactory#POLICY} of its service ("" when missing). */
    static BoundBalancer of(BalancerFactory factory, Map<String, ?> serviceProperties) {
        Object policy = serviceProperties.get(BalancerFactory.POLICY);
        return new BoundBalancer(factory, policy instanceof String ? (String) policy : "");
    }

    /** True when {@code bound} is present and serves {@code wanted}. */
    static boolean serves(BoundBalancer bound, String wanted) {
        return bound != null && bound.policy.equals(wanted);
    }

    /** True when {@code bound} holds {@code factory}: only then may its unbind clear it. */
    static boolean holds(BoundBalancer bound, BalancerFactory factory) {
        return bound != null && bound.factory == factory;
    }
}
