package org.hbateam.failover.internal;

import java.util.Map;

import org.hbateam.api.balancer.BalancerFactory;
import org.osgi.framework.Constants;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance per {@code org.hbateam.team} factory configuration. Validates it, hands it to the failover
 * service, and binds the team's balancer through its {@code balancer} reference, whose target filter
 * follows the configured {@code policy} (see {@link PolicyTargetWriter}). A factory of another policy
 * (bound under a stale target) is ignored until the right one arrives.
 */
@Component(service = {}, configurationPid = TeamSettings.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = TeamConfiguration.class, factory = true)
public final class TeamConfigComponent {
    private static final Logger LOG = LoggerFactory.getLogger(TeamConfigComponent.class);

    private final TeamDirectory directory;
    private final ConfigurationAdmin configAdmin;
    private final String pid;
    private volatile TeamSettings settings;
    private volatile BalancerFactory bound;
    private volatile String boundPolicy;

    @Activate
    public TeamConfigComponent(TeamConfiguration config, Map<String, Object> properties,
                               @Reference(name = "directory") TeamDirectory directory,
                               @Reference(name = "configAdmin") ConfigurationAdmin configAdmin) {
        this.directory = directory;
        this.configAdmin = configAdmin;
        this.pid = String.valueOf(properties.get(Constants.SERVICE_PID));
        apply(config, properties);
    }

    @Modified
    void modified(TeamConfiguration config, Map<String, Object> properties) {
        apply(config, properties);
    }

    @Deactivate
    void deactivate() {
        if (settings != null) {
            directory.removeTeamConfig(pid);
        }
    }

    private void apply(TeamConfiguration config, Map<String, Object> properties) {
        TeamSettings validated;
        try {
            validated = TeamSettings.from(config);
        } catch (InvalidConfigurationException e) {
            LOG.error("{} ({}); the previous settings stay in force", e.getMessage(), pid);
            return;
        }
        settings = validated;
        directory.applyTeamConfig(pid, validated);
        BalancerFactory factory = bound;
        if (factory != null && validated.policy().equals(boundPolicy)) {
            directory.teamBalancer(pid, factory, boundPolicy);
        }
        PolicyTargetWriter.ensureTarget(configAdmin, properties, validated.policy());
    }

    @Reference(name = PolicyFilter.REFERENCE, service = BalancerFactory.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            target = "(" + BalancerFactory.POLICY + "=static)", unbind = "unbindBalancer")
    void bindBalancer(BalancerFactory factory, Map<String, Object> serviceProperties) {
        Object policy = serviceProperties.get(BalancerFactory.POLICY);
        bound = factory;
        boundPolicy = policy instanceof String ? (String) policy : "";
        TeamSettings current = settings;
        if (current != null && current.policy().equals(boundPolicy)) {
            directory.teamBalancer(pid, factory, boundPolicy);
        }
    }

    void unbindBalancer(BalancerFactory factory) {
        // DS binds the new factory before unbinding the old one: act only if this is still ours.
        if (bound == factory) {
            bound = null;
            boundPolicy = null;
            directory.teamBalancer(pid, null, null);
        }
    }
}
