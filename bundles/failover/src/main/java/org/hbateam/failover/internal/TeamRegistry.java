package org.hbateam.failover.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.hbateam.api.balancer.BalancerFactory;
import org.hbateam.api.path.DataPath;
import org.hbateam.api.path.PathState;
import org.hbateam.api.path.PathStateListener;
import org.hbateam.api.team.Team;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups data paths into teams by LU identity and applies team configurations and balancers to them.
 * A team appears with its first path and disappears with its last. Plain Java, so unit tests drive it
 * with fakes; {@link FailoverService} feeds it from DS.
 *
 * <p>Changes serialise on one lock (lock order: registry, then team); lookups read volatile snapshots.
 */
final class TeamRegistry implements PathStateListener {
    private static final Logger LOG = LoggerFactory.getLogger(TeamRegistry.class);

    private final LongSupplier nanoClock;
    private final TeamEvents events;
    private final AdapterLedger ledger = new AdapterLedger();
    private final Object lock = new Object();
    private final Map<String, TeamImpl> teamsByLu = new HashMap<>();          // guarded by lock
    private final Map<String, ConfiguredTeam> configs = new TreeMap<>();      // by PID; guarded by lock
    private final Map<DataPath, TeamImpl> teamOfPath = new ConcurrentHashMap<>();
    private FailoverSettings global;                                          // guarded by lock
    private BalancerFactory defaultFactory;                                   // guarded by lock
    /** Teams with at least one path, sorted by name: what callers see. */
    private volatile List<TeamImpl> sortedTeams = List.of();
    /** Every team, including dormant ones (no path left, commands still waiting): what the sweeper visits. */
    private volatile List<TeamImpl> allTeams = List.of();

    /** A team configuration and the balancer its component has bound (null while none). */
    private record ConfiguredTeam(TeamSettings settings, BalancerFactory factory, String policy) {
    }

    TeamRegistry(FailoverSettings global, LongSupplier nanoClock, TeamEvents events) {
        this.global = global;
        this.nanoClock = nanoClock;
        this.events = events;
    }

    // ---- paths ----

    void addPath(DataPath path, Map<String, ?> properties) {
        PathIdentity identity = PathIdentity.of(path, properties);
        if (isBlank(identity.luIdentity()) || isBlank(identity.pathId()) || isBlank(identity.adapterId())) {
            LOG.error("a DataPath service without {}, {} or {} is ignored: {}", DataPath.LU_IDENTITY, DataPath.PATH_ID,
                    DataPath.ADAPTER_ID, identity);
            return;
        }
        path.addStateListener(this);
        PathState state = initialState(path);
        synchronized (lock) {
            TeamImpl team = teamsByLu.get(identity.luIdentity());
            if (team == null) {
                team = new TeamImpl(settingsFor(identity.luIdentity()), global, nanoClock, ledger, events);
                teamsByLu.put(identity.luIdentity(), team);
                BalancerFactory factory = factoryFor(identity.luIdentity());
                team.useBalancer(factory, policyFor(identity.luIdentity()));
                LOG.info("team {} formed for LU {}{}", team.name(), identity.luIdentity(), factory == null
                        ? "; no balancer for policy " + policyFor(identity.luIdentity()) + " is registered, routing failover-only" : "");
            }
            teamOfPath.put(path, team);
            PathEntry entry = team.addPath(path, identity, state);
            publish();
            // A state change reported between reading the state and the entry existing was dropped: catch up.
            PathState now = initialState(path);
            if (now != state) {
                team.health.driverStateChanged(entry, now, "state changed while the path joined");
            }
        }
    }

    /**
     * Removes a path. A team that loses its last path disappears from view at once but stays dormant for
     * {@code noPathRetryMs}: callers holding it can keep submitting (commands wait), and a driver restarted
     * within that time (its paths join the same team) loses no I/O. The sweeper closes it after that.
     */
    void removePath(DataPath path) {
        synchronized (lock) {
            TeamImpl team = teamOfPath.remove(path);
            if (team == null) {
                return;
            }
            team.removePath(path);
            if (team.isEmpty()) {
                team.markEmptySince(nanoClock.getAsLong());
                LOG.warn("team {} has no paths left; it waits up to {} ms for one to join ({} command(s) waiting)",
                        team.name(), team.noPathRetryMs(), team.queuedCommands());
            }
            publish();
        }
        removeListener(path);
    }

    /**
     * Forgets a team that has been empty for its no-path retry time with nothing waiting and returns it for
     * closing; null if it must stay. Holds the lock.
     */
    private TeamImpl retireIfIdle(TeamImpl team, long nowNanos) {
        if (team.isEmpty() && team.queuedCommands() == 0
                && nowNanos - team.emptySinceNanos() >= TimeUnit.MILLISECONDS.toNanos(team.noPathRetryMs())
                && teamsByLu.get(team.luIdentity()) == team) {
            teamsByLu.remove(team.luIdentity());
            return team;
        }
        return null;
    }

    /** The path's service properties changed; a new LU identity moves it to another team. */
    void modifiedPath(DataPath path, Map<String, ?> properties) {
        TeamImpl team = teamOfPath.get(path);
        if (team != null && !team.luIdentity().equals(PathIdentity.of(path, properties).luIdentity())) {
            removePath(path);
            addPath(path, properties);
        }
    }

    @Override
    public void pathStateChanged(DataPath path, PathState state, String reason) {
        TeamImpl team = teamOfPath.get(path);
        PathEntry entry = team == null ? null : team.entry(path);
        if (entry != null) {
            team.health.driverStateChanged(entry, state, reason);
        }
    }

    // ---- configuration ----

    void applyGlobal(FailoverSettings settings) {
        synchronized (lock) {
            global = settings;
            for (TeamImpl team : teamsByLu.values()) {
                team.applySettings(settingsFor(team.luIdentity()), settings);
            }
        }
    }

    void defaultBalancer(BalancerFactory factory) {
        synchronized (lock) {
            defaultFactory = factory;
            for (TeamImpl team : teamsByLu.values()) {
                if (configFor(team.luIdentity()) == null) {
                    team.useBalancer(factory, global.defaultPolicy());
                }
            }
        }
    }

    BalancerFactory defaultBalancer() {
        synchronized (lock) {
            return defaultFactory;
        }
    }

    void applyTeamConfig(String pid, TeamSettings settings) {
        synchronized (lock) {
            ConfiguredTeam old = configs.get(pid);
            boolean samePolicy = old != null && old.settings().policy().equals(settings.policy());
            configs.put(pid, new ConfiguredTeam(settings, samePolicy ? old.factory() : null, settings.policy()));
            reconfigure(settings.luIdentity());
            if (old != null && !old.settings().luIdentity().equals(settings.luIdentity())) {
                reconfigure(old.settings().luIdentity());
            }
        }
    }

    void teamBalancer(String pid, BalancerFactory factory, String policy) {
        synchronized (lock) {
            ConfiguredTeam config = configs.get(pid);
            if (config != null && (factory == null || config.settings().policy().equals(policy))) {
                configs.put(pid, new ConfiguredTeam(config.settings(), factory, policy));
                reconfigure(config.settings().luIdentity());
            }
        }
    }

    void removeTeamConfig(String pid) {
        synchronized (lock) {
            ConfiguredTeam old = configs.remove(pid);
            if (old != null) {
                reconfigure(old.settings().luIdentity());
            }
        }
    }

    private void reconfigure(String luIdentity) {
        TeamImpl team = teamsByLu.get(luIdentity);
        if (team != null) {
            team.applySettings(settingsFor(luIdentity), global);
            team.useBalancer(factoryFor(luIdentity), policyFor(luIdentity));
            publish();
        }
    }

    private ConfiguredTeam configFor(String luIdentity) {
        for (ConfiguredTeam config : configs.values()) {
            if (config.settings().luIdentity().equals(luIdentity)) {
                return config; // the first by PID wins when two configurations name the same LU
            }
        }
        return null;
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

    private void publish() {
        List<TeamImpl> teams = new ArrayList<>(teamsByLu.values());
        teams.sort(Comparator.comparing(TeamImpl::name));
        allTeams = List.copyOf(teams);
        teams.removeIf(TeamImpl::isEmpty);
        sortedTeams = List.copyOf(teams);
    }

    // ---- lookups, sweeping, shutdown ----

    List<Team> teams() {
        return List.copyOf(sortedTeams);
    }

    Optional<Team> team(String name) {
        for (TeamImpl team : sortedTeams) {
            if (team.name().equals(name)) {
                return Optional.of(team);
            }
        }
        return Optional.empty();
    }

    long now() {
        return nanoClock.getAsLong();
    }

    /** The internal team with this name, for the admin interface. */
    Optional<TeamImpl> teamImpl(String name) {
        return sortedTeams.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** One pass of the sweeper over every team. */
    void sweep() {
        long now = nanoClock.getAsLong();
        boolean dormant = false;
        for (TeamImpl team : allTeams) {
            try {
                team.sweep(now);
            } catch (RuntimeException e) {
                LOG.error("team {}: sweep failed; will try again on the next one", team.name(), e);
            }
            dormant |= team.isEmpty();
        }
        if (dormant) {
            retireIdleTeams(now);
        }
    }

    private void retireIdleTeams(long nowNanos) {
        List<TeamImpl> retired = new ArrayList<>();
        synchronized (lock) {
            for (TeamImpl team : new ArrayList<>(teamsByLu.values())) {
                TeamImpl gone = retireIfIdle(team, nowNanos);
                if (gone != null) {
                    retired.add(gone);
                }
            }
            publish();
        }
        for (TeamImpl team : retired) {
            LOG.info("team {}: no path came back within {} ms; the team is gone", team.name(), team.noPathRetryMs());
            team.close();
        }
    }

    /** Fails every queued and in-flight command once, and stops listening to the paths. */
    void close() {
        List<TeamImpl> teams;
        synchronized (lock) {
            teams = new ArrayList<>(teamsByLu.values());
            teamsByLu.clear();
            sortedTeams = List.of();
            allTeams = List.of();
        }
        for (DataPath path : teamOfPath.keySet()) {
            removeListener(path);
        }
        teamOfPath.clear();
        for (TeamImpl team : teams) {
            team.close();
        }
    }

    private void removeListener(DataPath path) {
        try {
            path.removeStateListener(this);
        } catch (RuntimeException e) {
            LOG.debug("path {}: removeStateListener threw", path, e);
        }
    }

    private static PathState initialState(DataPath path) {
        try {
            PathState state = path.state();
            return state == null ? PathState.DOWN : state;
        } catch (RuntimeException e) {
            return PathState.DOWN;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
