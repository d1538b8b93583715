package org.hbateam.failover.internal.team;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

import org.hbateam.api.balancer.BalancerFactory;
import org.hbateam.api.path.DataPath;
import org.hbateam.api.path.PathState;
import org.hbateam.api.path.PathStateListener;
import org.hbateam.api.team.Team;
import org.hbateam.failover.internal.FailoverService;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.failover.internal.config.TeamSettings;
import org.hbateam.failover.internal.events.TeamEvents;
import org.hbateam.failover.internal.health.AdapterLedger;
import org.hbateam.failover.internal.health.DriverCalls;
import org.hbateam.failover.internal.health.PathEntry;
import org.hbateam.failover.internal.health.PathIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups data paths into teams by LU identity and keeps each team's settings and balancer up to date
 * ({@link TeamConfigurations}). A team appears with its first path and leaves the listing with its last;
 * it then stays dormant for a while ({@link DormantTeams}). Plain Java, so unit tests drive it with
 * fakes; {@link FailoverService} feeds it from DS.
 *
 * <p>Changes serialise on one lock (lock order: registry, then team); lookups read volatile snapshots.
 */
public final class TeamRegistry implements PathStateListener {
    private static final Logger LOG = LoggerFactory.getLogger(TeamRegistry.class);

    private final LongSupplier nanoClock;
    private final TeamEvents events;
    private final Executor driverCalls;
    private final AdapterLedger ledger = new AdapterLedger();
    private final Object lock = new Object();
    private final Map<String, TeamImpl> teamsByLu = new HashMap<>();          // guarded by lock
    private final TeamListing listing = new TeamListing();
    private final TeamConfigurations configurations;                          // shares lock and teamsByLu
    private final DormantTeams dormant = new DormantTeams();                  // guarded by lock
    private final Map<DataPath, TeamImpl> teamOfPath = new ConcurrentHashMap<>();

    /** Runs every driver call on the calling thread: for tests and benchmarks, which drive the sweeper by hand. */
    public TeamRegistry(FailoverSettings global, LongSupplier nanoClock, TeamEvents events) {
        this(global, nanoClock, events, Runnable::run);
    }

    /** @param driverCalls where the sweeper's calls into drivers run, so that it never waits for a driver */
    public TeamRegistry(FailoverSettings global, LongSupplier nanoClock, TeamEvents events, Executor driverCalls) {
        this.configurations = new TeamConfigurations(global, lock, teamsByLu, listing);
        this.nanoClock = nanoClock;
        this.events = events;
        this.driverCalls = driverCalls;
    }

    // ---- paths ----

    public void addPath(DataPath path, Map<String, ?> properties) {
        PathIdentity identity = PathIdentity.of(path, properties);
        if (!identity.isComplete()) {
            LOG.error("a DataPath service without {}, {} or {} is ignored: {}", DataPath.LU_IDENTITY, DataPath.PATH_ID,
                    DataPath.ADAPTER_ID, identity);
            return;
        }
        path.addStateListener(this);
        PathState state = DriverCalls.state(path);
        synchronized (lock) {
            TeamImpl team = teamsByLu.get(identity.luIdentity());
            if (team == null) {
                team = configurations.formTeam(identity.luIdentity(), nanoClock, ledger, events, driverCalls);
                teamsByLu.put(identity.luIdentity(), team);
            }
            dormant.gotPath(team);
            teamOfPath.put(path, team);
            PathEntry entry = team.addPath(path, identity, state);
            publish();
            // A state change reported between reading the state and the entry existing was dropped: catch up.
            PathState now = DriverCalls.state(path);
            if (now != state) {
                team.health.driverStateChanged(entry, now, "state changed while the path joined");
            }
        }
    }

    /** Removes a path; a team that loses its last path becomes dormant (see {@link DormantTeams}). */
    public void removePath(DataPath path) {
        synchronized (lock) {
            TeamImpl team = teamOfPath.remove(path);
            if (team == null) {
                return;
            }
            team.removePath(path);
            if (team.isEmpty()) {
                dormant.lostLastPath(team, nanoClock.getAsLong());
            }
            publish();
        }
        DriverCalls.removeListener(path, this);
    }

    /** The path's service properties changed; a new LU identity moves it to another team. */
    public void modifiedPath(DataPath path, Map<String, ?> properties) {
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

    // ---- configuration: see TeamConfigurations ----

    public void applyGlobal(FailoverSettings settings) {
        configurations.applyGlobal(settings);
    }

    public void defaultBalancer(BalancerFactory factory) {
        configurations.defaultBalancer(factory);
    }

    public void applyTeamConfig(String pid, TeamSettings settings) {
        configurations.applyTeamConfig(pid, settings);
    }

    public void teamBalancer(String pid, BalancerFactory factory, String policy) {
        configurations.teamBalancer(pid, factory, policy);
    }

    public void removeTeamConfig(String pid) {
        configurations.removeTeamConfig(pid);
    }

    /** Publishes the snapshots that lookups and the sweeper read. Holds the lock. */
    private void publish() {
        listing.publish(teamsByLu.values());
    }

    // ---- lookups, sweeping, shutdown ----

    public List<Team> teams() {
        return List.copyOf(listing.listed());
    }

    public Optional<Team> team(String name) {
        return listing.named(name).map(Team.class::cast);
    }

    /** The internal team with this name, for the admin interface. */
    public Optional<TeamImpl> teamImpl(String name) {
        return listing.named(name);
    }

    public long now() {
        return nanoClock.getAsLong();
    }

    /** One pass of the sweeper over every team, dormant ones included; then retires those whose wait is over. */
    public void sweep() {
        long now = nanoClock.getAsLong();
        boolean anyDormant = false;
        for (TeamImpl team : listing.all()) {
            try {
                team.flow.sweep(now);
                team.members.warnIfBalancerMissing(now);
            } catch (RuntimeException e) {
                LOG.error("team {}: sweep failed; will try again on the next one", team.name(), e);
            }
            anyDormant |= team.isEmpty();
        }
        if (anyDormant) {
            List<TeamImpl> retired;
            synchronized (lock) {
                retired = dormant.retire(teamsByLu, now);
                publish();
            }
            DormantTeams.close(retired);
        }
    }

    /** Fails every queued and in-flight command once, and stops listening to the paths. */
    public void close() {
        List<TeamImpl> teams;
        synchronized (lock) {
            teams = new ArrayList<>(teamsByLu.values());
            teamsByLu.clear();
            dormant.clear();
            publish();
        }
        for (DataPath path : teamOfPath.keySet()) {
            DriverCalls.removeListener(path, this);
        }
        teamOfPath.clear();
        for (TeamImpl team : teams) {
            team.close();
        }
    }
}
