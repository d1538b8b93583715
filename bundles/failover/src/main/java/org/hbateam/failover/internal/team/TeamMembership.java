package org.hbateam.failover.internal.team;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.hbateam.api.balancer.BalancerFactory;
import org.hbateam.api.balancer.PathSet;
import org.hbateam.api.balancer.TeamView;
import org.hbateam.api.path.DataPath;
import org.hbateam.api.path.PathState;
import org.hbateam.failover.internal.command.BalancerSlot;
import org.hbateam.failover.internal.config.EffectiveSettings;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.failover.internal.config.TeamSettings;
import org.hbateam.failover.internal.health.AdapterLedger;
import org.hbateam.failover.internal.health.PathCounters;
import org.hbateam.failover.internal.health.PathEntry;
import org.hbateam.failover.internal.health.PathHealth;
import org.hbateam.failover.internal.health.PathIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paths of one team and what the command path reads of them: the copy-on-write {@link TeamPathSet},
 * the primary's slot, and the balancer, which must see every set in the order they are published.
 *
 * <p>This object is the team's lock. Membership, settings, balancer, preference and usability changes are
 * rare and serialise on it, so a balancer is never told about a set older than the one it was made with;
 * each change ends in volatile writes, so the command path reads without a lock. Lock order: the
 * registry's lock, then this.
 */
public final class TeamMembership {
    private static final Logger LOG = LoggerFactory.getLogger(TeamMembership.class);

    private final EffectiveSettings settings;
    private final AdapterLedger ledger;
    private final LongSupplier nanoClock;
    /** What balancers see of the team (a separate object: Team and TeamView both declare paths()). */
    private final TeamView view = new View();
    private final MissingBalancerWarning missingBalancer = new MissingBalancerWarning();
    private final Map<DataPath, PathEntry> members = new LinkedHashMap<>(); // guarded by this
    private volatile TeamPathSet paths = TeamPathSet.empty();
    private volatile int primarySlot = -1;
    private volatile String preferred;
    private volatile BalancerSlot balancer = BalancerSlot.NONE;

    TeamMembership(EffectiveSettings settings, AdapterLedger ledger, LongSupplier nanoClock) {
        this.settings = settings;
        this.ledger = ledger;
        this.nanoClock = nanoClock;
    }

    /** Adds a path and publishes the new set. */
    synchronized PathEntry add(DataPath path, PathIdentity identity, PathState initialState) {
        PathEntry entry = new PathEntry(path, identity, ledger.adapter(identity.adapterId()), initialState,
                new PathHealth(settings.global().flakyFailures()));
        entry.joined(nanoClock.getAsLong());
        members.put(path, entry);
        republish();
        return entry;
    }

    /** Removes a path (marking it removed, so a racing sender sees it) and publishes the new set; null if unknown. */
    synchronized PathEntry remove(DataPath path) {
        PathEntry entry = members.remove(path);
        if (entry != null) {
            entry.markRemoved();
            republish();
        }
        return entry;
    }

    /** Replaces the settings in force and republishes, since shares, groups and primary are built from them. */
    synchronized void applySettings(TeamSettings own, FailoverSettings global) {
        settings.replace(own, global);
        republish();
        List<String> unknown = new ArrayList<>(PathSetBuilder.unknownShareIds(paths, own.readShares()));
        unknown.addAll(PathSetBuilder.unknownShareIds(paths, own.writeShares()));
        if (!unknown.isEmpty()) {
            LOG.warn("{}: keys 'readShares'/'writeShares' of team {} name {}, which are not among its paths now; "
                    + "the shares of the present paths are scaled to 100", TeamSettings.PID, settings.name(), unknown);
        }
    }

    /** Uses {@code factory}'s balancer from now on; null means none (failover-only). */
    void useBalancer(BalancerFactory factory, String policy) {
        BalancerSlot old;
        synchronized (this) {
            old = balancer;
            if (old.factory == factory && (factory == null || policy.equals(old.policy))) {
                if (factory == null && !settings.failoverOnly()) {
                    // A team formed without a balancer, or reconfigured while none is bound: warn if none comes.
                    missingBalancer.missing(settings.name(), settings.own().policy(), nanoClock.getAsLong());
                }
                return;
            }
            balancer = factory == null ? BalancerSlot.NONE : BalancerSlot.create(factory, policy, view);
        }
        old.close();
        if (factory == null && settings.failoverOnly()) {
            missingBalancer.present(); // failover-only by configuration: no balancer is missed
        } else if (factory == null) {
            missingBalancer.missing(settings.name(), settings.own().policy(), nanoClock.getAsLong());
        } else {
            missingBalancer.present();
            LOG.info("team {}: balancing with policy {}", settings.name(), policy);
        }
    }

    /** The sweeper's check: warns once when the team has had no balancer for the grace period. */
    void warnIfBalancerMissing(long nowNanos) {
        missingBalancer.warnIfDue(nowNanos);
    }

    /** An operator's primary, overriding the configured one; null or empty returns to the configuration. */
    void prefer(String pathIdOrAdapter) {
        synchronized (this) {
            preferred = pathIdOrAdapter == null || pathIdOrAdapter.isBlank() ? null : pathIdOrAdapter.trim();
            republish();
        }
        LOG.info("team {}: primary preference set to {}", settings.name(), preferred == null ? "the configured primary" : preferred);
    }

    /** A path's usability changed: new active group and window, and tell the balancer. */
    public synchronized void usabilityChanged(PathEntry entry, boolean nowUsable) {
        TeamPathSet set = paths;
        set.recomputeActiveGroup();
        restartWindow();
        int slot = set.slotOf(entry);
        if (nowUsable) {
            balancer.pathReinstated(set, slot);
        } else {
            balancer.pathFailed(set, slot);
        }
    }

    /** Publishes a new path set for the current members and settings; caller holds the lock. */
    private void republish() {
        TeamSettings own = settings.own();
        TeamPathSet set = PathSetBuilder.build(members.values(), own);
        String override = preferred;
        primarySlot = PathSetBuilder.primarySlot(set, override != null ? override : own.primary());
        paths = set;
        restartWindow();
        balancer.pathsChanged(set);
    }

    /** Starts a new counting window on every path (see {@link PathCounters}). */
    void restartWindow() {
        TeamPathSet set = paths;
        for (int i = 0; i < set.size(); i++) {
            set.entry(i).counters.restartWindow();
        }
    }

    /** Forgets latency estimates and failure history on every path, and restarts the window. */
    void forgetEstimates() {
        TeamPathSet set = paths;
        for (int i = 0; i < set.size(); i++) {
            set.entry(i).counters.resetEstimates();
            set.entry(i).health.forget();
        }
    }

    synchronized PathEntry entry(DataPath path) {
        return members.get(path);
    }

    synchronized boolean isEmpty() {
        return members.isEmpty();
    }

    /** Every member now, for shutting the team down. */
    synchronized PathEntry[] entries() {
        return members.values().toArray(new PathEntry[0]);
    }

    public TeamPathSet pathSet() {
        return paths;
    }

    public int primarySlot() {
        return primarySlot;
    }

    public BalancerSlot balancer() {
        return balancer;
    }

    private final class View implements TeamView {
        @Override
        public String name() {
            return settings.name();
        }

        @Override
        public PathSet paths() {
            return paths;
        }

        @Override
        public void restartWindow() {
            TeamMembership.this.restartWindow();
        }
    }
}
