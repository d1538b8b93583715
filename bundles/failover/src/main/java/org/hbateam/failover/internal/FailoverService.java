package org.hbateam.failover.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hbateam.api.balancer.BalancerFactory;
import org.hbateam.api.path.DataPath;
import org.hbateam.api.team.Team;
import org.hbateam.api.team.TeamService;
import org.hbateam.failover.admin.ConfigurationProblem;
import org.hbateam.failover.admin.FailoverAdmin;
import org.hbateam.failover.admin.TeamStatus;
import org.hbateam.failover.internal.config.ConfigurationProblems;
import org.hbateam.failover.internal.config.FailoverConfiguration;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.failover.internal.config.InvalidConfigurationException;
import org.hbateam.failover.internal.config.PolicyFilter;
import org.hbateam.failover.internal.config.TeamSettings;
import org.hbateam.failover.internal.events.EventSink;
import org.hbateam.failover.internal.events.TeamEvents;
import org.hbateam.failover.internal.team.TeamRegistry;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
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
 * The failover service: tracks every {@link DataPath} service, forms teams, and runs the one sweeper
 * thread of the bundle. Configured by PID {@code org.hbateam.failover}; its {@code balancer} reference
 * (selected by target filter, see {@link PolicyTargetWriter}) is the balancer of teams that have no
 * {@code org.hbateam.team} configuration.
 */
@Component(service = {TeamService.class, FailoverAdmin.class, TeamDirectory.class}, configurationPid = FailoverSettings.PID, immediate = true)
@Designate(ocd = FailoverConfiguration.class)
public final class FailoverService implements TeamService, FailoverAdmin, TeamDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(FailoverService.class);

    private final TeamRegistry registry;
    private final AdminOperations admin;
    private final Sweeper sweeper;
    private final DriverCallPool driverCalls = new DriverCallPool();
    private final DefaultPolicyBalancer defaultBalancer;
    private final ConfigurationProblems problems = new ConfigurationProblems();
    /** False until a global configuration was accepted: a rejected one then leaves the declared defaults in force. */
    private volatile boolean accepted;
    private volatile FailoverSettings settings;
    private volatile Map<String, Object> properties;
    private volatile ConfigurationAdmin configAdmin;
    private volatile EventSink eventSink;

    /** As DS builds it: a bad configuration leaves the declared defaults in force, reported as a problem. */
    @Activate
    public FailoverService(FailoverConfiguration config, Map<String, Object> properties) {
        this(Boot.of(config), properties);
    }

    /** With settings already valid, as harnesses and tests build it; then fed through the public bind methods. */
    public FailoverService(FailoverSettings settings, Map<String, Object> properties) {
        this(new Boot(settings, null), properties);
    }

    private FailoverService(Boot boot, Map<String, Object> properties) {
        if (boot.problem() == null) {
            markAccepted();
        } else {
            rejected(boot.problem());
        }
        this.settings = boot.settings();
        this.properties = properties;
        this.registry = new TeamRegistry(settings, System::nanoTime, new TeamEvents(this::eventSink), driverCalls);
        this.admin = new AdminOperations(registry);
        this.defaultBalancer = new DefaultPolicyBalancer(registry, settings.defaultPolicy());
        this.sweeper = new Sweeper(registry::sweep);
        sweeper.every(settings.sweepIntervalMs());
    }

    @Modified
    void modified(FailoverConfiguration config, Map<String, Object> newProperties) {
        properties = newProperties;
        try {
            FailoverSettings validated = FailoverSettings.from(config);
            FailoverSettings old = settings;
            settings = validated;
            markAccepted();
            registry.applyGlobal(validated);
            if (old.sweepIntervalMs() != validated.sweepIntervalMs()) {
                sweeper.every(validated.sweepIntervalMs());
            }
            if (!old.defaultPolicy().equals(validated.defaultPolicy())) {
                LOG.info("{}: default policy {} -> {}", FailoverSettings.PID, old.defaultPolicy(), validated.defaultPolicy());
                defaultBalancer.policy(validated.defaultPolicy());
            }
        } catch (InvalidConfigurationException e) {
            rejected(e);
        }
        PolicyTargetWriter.ensureTarget(configAdmin, newProperties, settings.defaultPolicy());
    }

    private void markAccepted() {
        accepted = true;
        problems.clear(FailoverSettings.PID);
    }

    private void rejected(InvalidConfigurationException e) {
        String inForce = accepted ? "the last good settings" : "the declared defaults (no good configuration yet)";
        LOG.error("{}; {} stay in force, reported CRITICAL by the hbateam configuration health check until it is fixed",
                e.getMessage(), inForce);
        problems.report(new ConfigurationProblem(FailoverSettings.PID, e.key(), e.getMessage(), "", inForce));
    }

    @Deactivate
    public void deactivate() {
        sweeper.stop();
        registry.close();
        driverCalls.stop();
    }

    private EventSink eventSink() {
        EventSink sink = eventSink;
        return sink == null ? EventSink.NONE : sink;
    }

    // ---- data paths: dynamic, multiple, greedy ----

    @Reference(service = DataPath.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindDataPath", updated = "updatedDataPath")
    public void bindDataPath(DataPath path, Map<String, Object> serviceProperties) {
        registry.addPath(path, serviceProperties);
    }

    public void updatedDataPath(DataPath path, Map<String, Object> serviceProperties) {
        registry.modifiedPath(path, serviceProperties);
    }

    public void unbindDataPath(DataPath path) {
        registry.removePath(path);
    }

    // ---- the default balancer, chosen by target filter (see DefaultPolicyBalancer) ----

    @Reference(name = PolicyFilter.REFERENCE, service = BalancerFactory.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            target = PolicyFilter.DEFAULT_TARGET, unbind = "unbindBalancer")
    public void bindBalancer(BalancerFactory factory, Map<String, Object> serviceProperties) {
        defaultBalancer.bind(factory, serviceProperties);
    }

    public void unbindBalancer(BalancerFactory factory) {
        defaultBalancer.unbind(factory);
    }

    @Reference(service = ConfigurationAdmin.class, cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindConfigAdmin")
    void bindConfigAdmin(ConfigurationAdmin admin) {
        configAdmin = admin;
        PolicyTargetWriter.ensureTarget(admin, properties, settings.defaultPolicy());
    }

    void unbindConfigAdmin(ConfigurationAdmin admin) {
        if (configAdmin == admin) {
            configAdmin = null;
        }
    }

    @Reference(service = EventSink.class, cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindEventSink")
    void bindEventSink(EventSink sink) {
        eventSink = sink;
    }

    void unbindEventSink(EventSink sink) {
        if (eventSink == sink) {
            eventSink = null;
        }
    }

    // ---- TeamService ----

    @Override
    public List<Team> teams() {
        return registry.teams();
    }

    @Override
    public Optional<Team> team(String name) {
        return registry.team(name);
    }

    // ---- FailoverAdmin ----

    @Override
    public List<TeamStatus> statuses() {
        return admin.statuses();
    }

    @Override
    public Optional<TeamStatus> status(String team) {
        return admin.status(team);
    }

    @Override
    public void failPath(String team, String pathId) {
        admin.failPath(team, pathId);
    }

    @Override
    public boolean reinstatePath(String team, String pathId) {
        return admin.reinstatePath(team, pathId);
    }

    @Override
    public void preferPath(String team, String pathIdOrAdapter) {
        admin.preferPath(team, pathIdOrAdapter);
    }

    @Override
    public void resetCounters(String team) {
        admin.resetCounters(team);
    }

    @Override
    public List<ConfigurationProblem> configurationProblems() {
        return problems.list();
    }

    // ---- TeamDirectory, for the team configuration components ----

    @Override
    public void applyTeamConfig(String pid, TeamSettings teamSettings) {
        registry.applyTeamConfig(pid, teamSettings);
    }

    @Override
    public void teamBalancer(String pid, BalancerFactory factory, String policy) {
        registry.teamBalancer(pid, factory, policy);
    }

    @Override
    public void removeTeamConfig(String pid) {
        registry.removeTeamConfig(pid);
    }

    @Override
    public void configurationRejected(ConfigurationProblem problem) {
        problems.report(problem);
    }

    @Override
    public void configurationAccepted(String pid) {
        problems.clear(pid);
    }

    /** The settings a configuration gives at boot: the declared defaults when it is bad, with the reason. */
    private record Boot(FailoverSettings settings, InvalidConfigurationException problem) {
        static Boot of(FailoverConfiguration config) {
            try {
                return new Boot(FailoverSettings.from(config), null);
            } catch (InvalidConfigurationException e) {
                return new Boot(FailoverSettings.defaults(), e);
            }
        }
    }
}
