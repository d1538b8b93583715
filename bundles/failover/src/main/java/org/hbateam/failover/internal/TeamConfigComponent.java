package org.hbateam.failover.internal;

import java.util.Map;

import org.hbateam.api.balancer.BalancerFactory;
import org.hbateam.failover.admin.ConfigurationProblem;
import org.hbateam.failover.internal.config.InvalidConfigurationException;
import org.hbateam.failover.internal.config.PolicyFilter;
import org.hbateam.failover.internal.config.TeamConfiguration;
import org.hbateam.failover.internal.config.TeamSettings;
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
    /** The last accepted settings; null while none was. */
    private volatile TeamSettings settings;
    /** What the failover service has from this configuration: the accepted settings, or the safe stand-in. */
    private volatile TeamSettings inForce;
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
        if (inForce != null) {
            directory.removeTeamConfig(pid);
        }
        directory.configurationAccepted(pid);
    }

    private void apply(TeamConfiguration config, Map<String, Object> properties) {
        TeamSettings validated;
        try {
            validated = TeamSettings.from(config);
        } catch (InvalidConfigurationException e) {
            reject(config, e);
            return;
        }
        settings = validated;
        inForce = validated;
        directory.configurationAccepted(pid);
        directory.applyTeamConfig(pid, validated);
        BoundBalancer current = bound;
        if (BoundBalancer.serves(current, validated.policy())) {
            directory.teamBalancer(pid, current.factory(), current.policy());
        }
        PolicyTargetWriter.ensureTarget(configAdmin, properties, validated.policy());
    }

    /**
     * Keeps the last good settings; with none (a typo at boot), the team still forms under its configured name but
     * routes failover-only, the safest mode, rather than silently balancing with the global defaults. Either way the
     * rejection is reported until the configuration is fixed.
     */
    private void reject(TeamConfiguration config, InvalidConfigurationException e) {
        TeamSettings lastGood = settings;
        TeamSettings standIn = lastGood != null ? lastGood : TeamSettings.failoverOnlyStandIn(config);
        String running = lastGood != null ? "the last good settings"
                : standIn != null ? "failover-only under its configured name, with the global defaults"
                : "nothing: the configuration names no LU";
        String team = standIn == null ? "" : standIn.name();
        LOG.error("{} ({}); team '{}' runs on {} until the configuration is fixed", e.getMessage(), pid, team, running);
        directory.configurationRejected(new ConfigurationProblem(pid, e.key(), e.getMessage(), team, running));
        if (lastGood == null && standIn != null) {
            this.inForce = standIn;
            directory.applyTeamConfig(pid, standIn);
        }
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
