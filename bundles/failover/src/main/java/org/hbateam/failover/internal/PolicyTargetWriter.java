package org.hbateam.failover.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Map;

import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.hbateam.failover.internal.config.PolicyFilter;

/**
 * Selects a component's balancer by target filter. DS re-evaluates a reference's target when the
 * component's configuration property {@code balancer.target} changes, binding the matching factory
 * (before unbinding the old one) without deactivating the component, because it has a {@code @Modified}
 * method. The user only sets {@code policy} (or {@code defaultPolicy}); when it differs from the filter in
 * {@code balancer.target}, this writes {@code balancer.target=(hbateam.policy=<policy>)} into the same
 * configuration once. The write comes back to the component as one more {@code @Modified} call whose
 * target then matches, so there is exactly one write per policy change and no loop.
 *
 * <p>(A greedy reference does not rebind on a ranking change, see build-notes.md, but it does follow a
 * target change, which is why the policy is expressed as a target and not as a ranking or a lookup.)
 */
public final class PolicyTargetWriter {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyTargetWriter.class);

    private PolicyTargetWriter() {
    }

    /** True when {@code properties} already select {@code policy}. */
    public static boolean selects(Map<String, ?> properties, String policy) {
        return PolicyFilter.forPolicy(policy).equals(properties.get(PolicyFilter.TARGET_PROPERTY));
    }

    /**
     * Writes the target for {@code policy} into the configuration the component got {@code properties} from.
     * Does nothing when it is already there or when the component has no configuration (then the
     * annotation's default target, the default policy, is in force).
     */
    static void ensureTarget(ConfigurationAdmin configAdmin, Map<String, ?> properties, String policy) {
        Object pid = properties.get(Constants.SERVICE_PID);
        if (configAdmin == null || !(pid instanceof String) || selects(properties, policy)) {
            return;
        }
        try {
            Configuration[] found = configAdmin.listConfigurations("(" + Constants.SERVICE_PID + "=" + pid + ")");
            if (found == null || found.length == 0) {
                return;
            }
            Dictionary<String, Object> updated = found[0].getProperties();
            updated.put(PolicyFilter.TARGET_PROPERTY, PolicyFilter.forPolicy(policy));
            found[0].updateIfDifferent(updated);
            LOG.info("{}: policy {} selected; balancer.target set to {}", pid, policy, PolicyFilter.forPolicy(policy));
        } catch (IOException | InvalidSyntaxException | IllegalStateException e) {
            LOG.error("{}: could not write balancer.target for policy {}; the previous balancer stays in use", pid, policy, e);
        }
    }
}
