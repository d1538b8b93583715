package org.hbateam.failover.internal.team;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

import org.hbateam.api.balancer.BalancerFactory;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.failover.internal.config.TeamSettings;
import org.hbateam.failover.internal.events.TeamEvents;
import org.hbateam.failover.internal.health.AdapterLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which settings and balancer each LU's team gets, and keeping the registry's teams in step with them: a
 * team gets the {@code org.hbateam.team} configuration that names its LU (the first by PID when two do),
 * else the defaults of the global settings with the default balancer.
 *
 * <p>Part of the {@link TeamRegistry}: it shares the registry's lock and team map, and every change holds
 * that lock (lock order: registry, then team).
 */
final class TeamConfigurations {
    /** A team configuration and the balancer its component has bound (null while none). */
    private record ConfiguredTeam(TeamSettings settings, BalancerFactory factory, String policy) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(TeamConfigurations.class);

    private final Object lock;
    private final Map<String, TeamImpl> teamsByLu;                      // guarded by lock
    private final TeamListing listing;
    private final Map<String, ConfiguredTeam> byPid = new TreeMap<>(); // guarded by lock
    private FailoverSettings global;                                    // guarded by lock
    private BalancerFactory defaultFactory;                             // guarded by lock

    TeamConfigurations(FailoverSettings global, Object lock, Map<String, TeamImpl> teamsByLu, TeamListing listing) {
        this.global = global;
        this.lock = lock;
        this.teamsByLu = teamsByLu;
        this.listing = listing;
    }

    void applyGlobal(FailoverSettings settings) {
        synchronized (lock) {
            global = settings;
            for (TeamImpl team : teamsByLu.values()) {
                team.applySettings(settingsFor(team.luIdentity()), settings);
            }
        }
    }

    /** The balancer of teams without configuration; null while no factory of the default policy is bound. */
    void defaultBalancer(BalancerFactory factory) {
        synchronized (lock) {
            defaultFactory = factory;
            for (TeamImpl team : teamsByLu.values()) {
                if (configFor(team.luIdentity()) == null) {
                    team.members.useBalancer(factory, global.defaultPolicy());
                }
            }
        }
    }

    /** The configuration {@code pid} now holds {@code settings}; it keeps its bound balancer if the policy is the same. */
    void applyTeamConfig(String pid, TeamSettings settings) {
        synchronized (lock) {
            ConfiguredTeam old = byPid.get(pid);
            boolean samePolicy = old != null && old.settings().policy().equals(settings.policy());
            byPid.put(pid, new ConfiguredTeam(settings, samePolicy ? old.factory() : null, settings.policy()));
            reconfigure(settings.luIdentity());
            if (old != null && !old.settings().luIdentity().equals(settings.luIdentity())) {
                reconfigure(old.settings().luIdentity());
            }
        }
    }

    /** The component of {@code pid} bound {@code factory} (null: none); one of another policy is ignored. */
    void teamBalancer(String pid, BalancerFactory factory, String policy) {
        synchronized (lock) {
            ConfiguredTeam config = byPid.get(pid);
            if (config != null && (factory == null || config.settings().policy().equals(policy))) {
                byPid.put(pid, new ConfiguredTeam(config.settings(), factory, policy));
                reconfigure(config.settings().luIdentity());
            }
        }
    }

    /** The configuration {@code pid} is gone; its team goes back to the defaults. */
    void removeTeamConfig(String pid) {
        synchronized (lock) {
            ConfiguredTeam old = byPid.remove(pid);
            if (old != null) {
                reconfigure(old.settings().luIdentity());
            }
        }
    }

    /** A new team for {@code luIdentity} with the settings and balancer that apply to it. Holds the lock. */
    TeamImpl formTeam(String luIdentity, LongSupplier nanoClock, AdapterLedger ledger, TeamEvents events, Executor driverCalls) {
        TeamImpl team = new TeamImpl(settingsFor(luIdentity), global, nanoClock, ledger, events, driverCalls);
        BalancerFactory factory = factoryFor(luIdentity);
        team.members.useBalancer(factory, policyFor(luIdentity));
        LOG.info("team {} formed for LU {}{}", team.name(), luIdentity, factory == null
                ? "; no balancer for policy " + policyFor(luIdentity) + " is registered, routing failover-only" : "");
        return team;
    }

    /** Gives the team of {@code luIdentity}, if there is one, what its configuration says now. Holds the lock. */
    private void reconfigure(String luIdentity) {
        TeamImpl team = teamsByLu.get(luIdentity);
        if (team != null) {
            team.applySettings(settingsFor(luIdentity), global);
            team.members.useBalancer(factoryFor(luIdentity), policyFor(luIdentity));
            listing.publish(teamsByLu.values());
        }
    }

    private TeamSettings settingsFor(String luIdentity) {
        ConfiguredTeam config = configFor(luIdentity);
        return config != null ? config.settings() : TeamSettings.defaults(luIdentity, global.defaultPolicy());
    }

    private BalancerFactory factoryFor(String luIdentity) {
        ConfiguredTeam config = configFor(luIdentity);
        return config != null ? config.factory() : defaultFactory;
    }

    private String policyFor(String luIdentity) {
        ConfiguredTeam config = configFor(luIdentity);
        return config != null ? config.settings().policy() : global.defaultPolicy();
    }

    private ConfiguredTeam configFor(String luIdentity) {
        for (ConfiguredTeam config : byPid.values()) {
            if (config.settings().luIdentity().equals(luIdentity)) {
                return config; // the first by PID wins when two configurations name the same LU
            }
        }
        return null;
    }
}
