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
    /** The factory bound to the {@code balancer} reference, handed on while it serves the configured policy. */
    private volatile BoundBalancer bound;

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
        BoundBalancer current = bound;
        if (BoundBalancer.serves(current, validated.policy())) {
            directory.teamBalancer(pid, current.factory(), current.policy());
        }
        PolicyTargetWriter.ensureTarget(configAdmin, properties, validated.policy());
    }

    @Reference(name = PolicyFilter.REFERENCE, service = BalancerFactory.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            target = PolicyFilter.DEFAULT_TARGET, unbind = "unbindBalancer")
    void bindBalancer(BalancerFactory factory, Map<String, Object> serviceProperties) {
        BoundBalancer current = BoundBalancer.of(factory, serviceProperties);
        bound = current;
        TeamSettings configured = settings;
        if (configured != null && BoundBalancer.serves(current, configured.policy())) {
            directory.teamBalancer(pid, factory, current.policy());
        }
    }

    void unbindBalancer(BalancerFactory factory) {
        // DS binds the new factory before unbinding the old one: act only if this is still ours.
        if (BoundBalancer.holds(bound, factory)) {
            bound = null;
            directory.teamBalancer(pid, null, null);
        }
    }
}
