package org.hbateam.shell.internal.config;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import org.hbateam.api.balancer.BalancerFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** Reads the hbateam.policy property of the BalancerFactory services registered now, without getting the services. */
public final class RegisteredPolicies implements Supplier<Collection<String>> {
    private final BundleContext context;

    public RegisteredPolicies(BundleContext context) {
        this.context = context;
    }

    @Override
    public Collection<String> get() {
        try {
            return context.getServiceReferences(BalancerFactory.class, null).stream()
                    .map(RegisteredPolicies::policyOf).filter(p -> p != null && !p.isEmpty()).distinct().toList();
        } catch (InvalidSyntaxException impossible) {
            // a null filter is always valid
            return List.of();
        }
    }

    private static String policyOf(ServiceReference<BalancerFactory> reference) {
        Object policy = reference.getProperty(BalancerFactory.POLICY);
        return policy == null ? null : policy.toString();
    }
}
