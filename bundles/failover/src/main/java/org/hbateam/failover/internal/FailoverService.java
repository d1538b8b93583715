package org.hbateam.failover.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.hbateam.api.balancer.BalancerFactory;
import org.hbateam.api.path.DataPath;
import org.hbateam.api.team.Team;
import org.hbateam.api.team.TeamService;
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
@Component(service = {TeamService.class, TeamDirectory.class}, configurationPid = FailoverSettings.PID, immediate = true)
@Designate(ocd = FailoverConfiguration.class)
public final class FailoverService implements TeamService, TeamDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(FailoverService.class);

    private final TeamRegistry registry;
    private final ScheduledExecutorService sweeper;
    private volatile FailoverSettings settings;
    private volatile Map<String, Object> properties;
    private volatile ScheduledFuture<?> sweep;
    private volatile ConfigurationAdmin configAdmin;
    private volatile EventSink eventSink;
    private volatile BalancerFactory boundFactory;
    private volatile String boundPolicy;

    @Activate
    public FailoverService(FailoverConfiguration config, Map<String, Object> properties) {
        this.settings = validOrDefaults(config);
        this.properties = properties;
        this.registry = new TeamRegistry(settings, System::nanoTime, new TeamEvents(this::eventSink));
        AtomicInteger threads = new AtomicInteger();
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hbateam-failover-sweeper-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        schedule(settings);
    }

    @Modified
    void modified(FailoverConfiguration config, Map<String, Object> newProperties) {
        properties = newProperties;
        try {
            FailoverSettings validated = FailoverSettings.from(config);
            FailoverSettings old = settings;
            settings = validated;
            registry.applyGlobal(validated);
            if (old.sweepIntervalMs() != validated.sweepIntervalMs()) {
                schedule(validated);
            }
            if (!old.defaultPolicy().equals(validated.defaultPolicy())) {
                LOG.info("{}: default policy {} -> {}", FailoverSettings.PID, old.defaultPolicy(), validated.defaultPolicy());
                useBoundIfItMatches();
            }
        } catch (InvalidConfigurationException e) {
            LOG.error("{}; the previous settings stay in force", e.getMessage());
        }
        PolicyTargetWriter.ensureTarget(configAdmin, newProperties, settings.defaultPolicy());
    }

    @Deactivate
    void deactivate() {
        ScheduledFuture<?> task = sweep;
        if (task != null) {
            task.cancel(false);
        }
        sweeper.shutdownNow();
        try {
            // Let a sweep in progress finish before the teams close under it.
            sweeper.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        registry.close();
    }

    private static FailoverSettings validOrDefaults(FailoverConfiguration config) {
        try {
            return FailoverSettings.from(config);
        } catch (InvalidConfigurationException e) {
            LOG.error("{}; starting with the defaults", e.getMessage());
            return FailoverSettings.defaults();
        }
    }

    private synchronized void schedule(FailoverSettings s) {
        ScheduledFuture<?> old = sweep;
        if (old != null) {
            old.cancel(false);
        }
        sweep = sweeper.scheduleWithFixedDelay(registry::sweep, s.sweepIntervalMs(), s.sweepIntervalMs(), TimeUnit.MILLISECONDS);
    }

    private EventSink eventSink() {
        EventSink sink = eventSink;
        return sink == null ? EventSink.NONE : sink;
    }

    // ---- data paths: dynamic, multiple, greedy ----

    @Reference(service = DataPath.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindDataPath", updated = "updatedDataPath")
    void bindDataPath(DataPath path, Map<String, Object> serviceProperties) {
        registry.addPath(path, serviceProperties);
    }

    void updatedDataPath(DataPath path, Map<String, Object> serviceProperties) {
        registry.modifiedPath(path, serviceProperties);
    }

    void unbindDataPath(DataPath path) {
        registry.removePath(path);
    }

    // ---- the default balancer, chosen by target filter ----

    @Reference(name = PolicyFilter.REFERENCE, service = BalancerFactory.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            target = "(" + BalancerFactory.POLICY + "=static)", unbind = "unbindBalancer")
    void bindBalancer(BalancerFactory factory, Map<String, Object> serviceProperties) {
        Object policy = serviceProperties.get(BalancerFactory.POLICY);
        boundFactory = factory;
        boundPolicy = policy instanceof String ? (String) policy : "";
        useBoundIfItMatches();
    }

    void unbindBalancer(BalancerFactory factory) {
        // Bind comes before unbind when DS swaps: clear only if this factory is still the bound one.
        if (boundFactory == factory) {
            boundFactory = null;
            boundPolicy = null;
            registry.defaultBalancer(null);
        }
    }

    /**
     * Hands the bound factory to the teams without configuration if it serves the default policy; else
     * they route failover-only. A factory of another policy is one bound under a target that our write has
     * not replaced yet, or the old one while DS swaps; either way it is not the policy asked for.
     */
    private synchronized void useBoundIfItMatches() {
        BalancerFactory factory = boundFactory;
        boolean matches = factory != null && settings.defaultPolicy().equals(boundPolicy);
        registry.defaultBalancer(matches ? factory : null);
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
}
