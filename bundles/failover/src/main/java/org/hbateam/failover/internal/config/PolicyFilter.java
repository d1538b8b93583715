package org.hbateam.failover.internal.config;

import java.util.regex.Pattern;

import org.hbateam.api.balancer.BalancerFactory;

/**
 * The target filter that selects a team's balancer by policy name: {@code (hbateam.policy=<policy>)}.
 * Policy names are restricted to characters that need no LDAP escaping, so the filter is always valid.
 */
public final class PolicyFilter {
    /** The reference name used by every component that binds a balancer; its target property is this + ".target". */
    public static final String REFERENCE = "balancer";
    public static final String TARGET_PROPERTY = REFERENCE + ".target";
    /** The reference's target until the configuration names a policy: the default policy, {@code static}. */
    public static final String DEFAULT_TARGET = "(" + BalancerFactory.POLICY + "=static)";

    private static final Pattern POLICY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private PolicyFilter() {
    }

    static boolean isValidPolicyName(String policy) {
        return policy != null && POLICY_NAME.matcher(policy).matches();
    }

    public static String forPolicy(String policy) {
        return "(" + BalancerFactory.POLICY + "=" + policy + ")";
    }
}
