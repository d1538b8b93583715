package org.hbateam.shell.internal.config;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The balancer policy names an operator may choose: those of the BalancerFactory services registered now,
 * and the standard ones hbateam ships (a team configured with a policy whose balancer is not installed
 * routes failover-only until it is).
 */
public final class PolicyCatalog {
    /** The policies of the hbateam balancer bundles. */
    public static final List<String> STANDARD = List.of("static", "dynamic", "round-robin", "least-queue-depth", "service-time");

    private final Supplier<Collection<String>> registered;

    /** @param registered the hbateam.policy values of the BalancerFactory services registered now */
    public PolicyCatalog(Supplier<Collection<String>> registered) {
        this.registered = registered;
    }

    /** Every name, sorted: registered and standard. */
    public List<String> names() {
        TreeSet<String> names = new TreeSet<>(STANDARD);
        names.addAll(registered.get());
        return List.copyOf(names);
    }

    /** Whether a balancer of this policy is registered now. */
    public boolean isInstalled(String policy) {
        return registered.get().contains(policy);
    }

    /**
     * Checks a policy name.
     *
     * @throws IllegalArgumentException listing the available policies when the name is neither registered nor standard
     */
    public void check(String policy) {
        if (!isInstalled(policy) && !STANDARD.contains(policy)) {
            throw new IllegalArgumentException("unknown policy '" + policy + "'; available: " + String.join(", ", names()));
        }
    }
}
