package org.hbateam.failover.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.LongSupplier;

import org.hbateam.api.balancer.BalancerFactory;
import org.hbateam.api.balancer.PathSet;
import org.hbateam.api.balancer.TeamView;
import org.hbateam.api.path.DataPath;
import org.hbateam.api.path.PathException;
import org.hbateam.api.path.PathState;
import org.hbateam.api.scsi.Direction;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;
import org.hbateam.api.team.TeamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One team: the paths to one logical unit, its settings and balancer, and the {@link Team} API. The
 * command path lives in {@link CommandFlow}, path health in {@link PathHealthSupervisor}, byte-level I/O
 * in {@link ByteIo}.
 *
 * <p>Threading: the command path (submit, dispatch, outcomes) takes no lock. Membership, settings,
 * balancer and usability changes are rare and serialise on {@code this}; they publish a new
 * {@link TeamPathSet} (copy-on-write) or flip a path's atomic flag.
 */
final class TeamImpl implements Team {
    private static final Logger LOG = LoggerFactory.getLogger(TeamImpl.class);

    final PathHealthSupervisor health;
    /** What balancers see of this team (a separate object: Team and TeamView both declare paths()). */
    final TeamView view = new View();
    private final String luIdentity;
    private final LongSupplier nanoClock;
    private final AdapterLedger ledger;
    private final Map<DataPath, PathEntry> members = new LinkedHashMap<>(); // guarded by this
    final CommandFlow flow;
    private final ByteIo io = new ByteIo(this);
    private volatile TeamPathSet paths = TeamPathSet.empty();
    private volatile int primarySlot = -1;
    private volatile TeamSettings settings;
    private volatile FailoverSettings global;
    private volatile BalancerSlot balancer = BalancerSlot.NONE;
    private volatile boolean closed;
    private volatile String preferred;
    private volatile long emptySinceNanos;
    private final java.util.concurrent.atomic.AtomicLong failovers = new java.util.concurrent.atomic.AtomicLong();
    private volatile long lastFailoverMillis;

    TeamImpl(TeamSettings settings, FailoverSettings global, LongSupplier nanoClock, AdapterLedger ledger, TeamEvents events) {
        this.luIdentity = settings.luIdentity();
        this.settings = settings;
        this.global = global;
        this.nanoClock = nanoClock;
        this.ledger = ledger;
        this.health = new PathHealthSupervisor(this, events, nanoClock);
        this.flow = new CommandFlow(this, nanoClock);
    }

    // ---- membership and configuration (rare; serialised on this) ----

    /** Adds a path; commands waiting for a path are released if it is usable. */
    PathEntry addPath(DataPath path, PathIdentity identity, PathState initialState) {
        PathEntry entry;
        synchronized (this) {
            entry = new PathEntry(path, identity, ledger.adapter(identity.adapterId()), initialState,
                    new PathHealth(global.flakyFailures()));
            entry.joined(nanoClock.getAsLong());
            members.put(path, entry);
            republish();
        }
        LOG.info("team {}: path {} joined (adapter {}, state {})", name(), identity.pathId(), identity.adapterId(), initialState);
        releaseWaiting();
        return entry;
    }

    /**
     * Removes a path whose service is gone. Its in-flight commands are retried elsewhere at once: a driver
     * that is stopping may never call back, and if it does, the closed attempts ignore it.
     */
    PathEntry removePath(DataPath path) {
        PathEntry entry;
        synchronized (this) {
            entry = members.remove(path);
            if (entry == null) {
                return null;
            }
            entry.markRemoved();
            republish();
        }
        LOG.info("team {}: path {} left", name(), entry.identity.pathId());
        PathException gone = new PathException(PathException.Reason.PATH_REMOVED, "path service " + entry.identity.pathId() + " unregistered");
        for (Attempt attempt : entry.inFlight) {
            attempt.failFromTeam(gone);
        }
        Attempt probe = entry.probe.get();
        if (probe != null) {
            probe.failFromTeam(gone);
        }
        return entry;
    }

    /** The team lost its last path at {@code nowNanos}. */
    void markEmptySince(long nowNanos) {
        emptySinceNanos = nowNanos;
    }

    long emptySinceNanos() {
        return emptySinceNanos;
    }

    synchronized boolean isEmpty() {
        return members.isEmpty();
    }

    synchronized PathEntry entry(DataPath path) {
        return members.get(path);
    }

    void applySettings(TeamSettings newSettings, FailoverSettings newGlobal) {
        synchronized (this) {
            settings = newSettings;
            global = newGlobal;
            republish();
            List<String> unknown = new ArrayList<>(PathSetBuilder.unknownShareIds(paths, newSettings.readShares()));
            unknown.addAll(PathSetBuilder.unknownShareIds(paths, newSettings.writeShares()));
            if (!unknown.isEmpty()) {
                LOG.warn("{}: keys 'readShares'/'writeShares' of team {} name {}, which are not among its paths now; "
                        + "the shares of the present paths are scaled to 100", TeamSettings.PID, name(), unknown);
            }
        }
        releaseWaiting();
    }

    /** Uses {@code factory}'s balancer from now on; null means none (failover-only). */
    void useBalancer(BalancerFactory factory, String policy) {
        BalancerSlot old;
        synchronized (this) {
            old = balancer;
            if (old.factory == factory && (factory == null || policy.equals(old.policy))) {
                return;
            }
            balancer = factory == null ? BalancerSlot.NONE : BalancerSlot.create(factory, policy, view);
        }
        old.close();
        if (factory == null) {
            LOG.warn("team {}: no balancer for policy {} is registered; routing failover-only (primary first, then priority order)",
                    name(), settings.policy());
        } else {
            LOG.info("team {}: balancing with policy {}", name(), policy);
        }
    }

    /** Publishes a new path set for the current members and settings; caller holds the lock. */
    private void republish() {
        TeamPathSet set = PathSetBuilder.build(members.values(), settings);
        String override = preferred;
        primarySlot = PathSetBuilder.primarySlot(set, override != null ? override : settings.primary());
        paths = set;
        restartWindow();
        balancer.pathsChanged(set);
    }

    /** A path's usability changed: new active group and window, and tell the balancer. Caller holds the lock. */
    void usabilityChanged(PathEntry entry, boolean nowUsable) {
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

    /** An operator's primary, overriding the configured one; null or empty returns to the configuration. */
    void prefer(String pathIdOrAdapter) {
        synchronized (this) {
            preferred = pathIdOrAdapter == null || pathIdOrAdapter.isBlank() ? null : pathIdOrAdapter.trim();
            republish();
        }
        LOG.info("team {}: primary preference set to {}", name(), preferred == null ? "the configured primary" : preferred);
    }

    /** A path failed while others could take over. */
    void noteFailover() {
        failovers.incrementAndGet();
        lastFailoverMillis = System.currentTimeMillis();
    }

    long failovers() {
        return failovers.get();
    }

    long lastFailoverMillis() {
        return lastFailoverMillis;
    }

    int queuedCommands() {
        return flow.queuedCommands();
    }

    /** Forgets latency estimates and failure history on every path, and restarts the window. */
    void resetCounters() {
        TeamPathSet set = paths;
        for (int i = 0; i < set.size(); i++) {
            set.entry(i).counters.resetEstimates();
            set.entry(i).health.forget();
        }
    }

    // ---- the command path: see CommandFlow ----

    @Override
    public CompletionStage<ScsiResult> submit(ScsiCommand command) {
        PendingCommand pending = new PendingCommand(command);
        flow.dispatch(pending);
        return pending.future;
    }

    /** Shuts the team: every queued and in-flight command fails once, cleanly, and the balancer is closed. */
    void close() {
        PathEntry[] entries;
        synchronized (this) {
            entries = members.values().toArray(new PathEntry[0]);
        }
        flow.close(entries);
        balancer.close();
    }

    void releaseWaiting() {
        flow.releaseWaiting();
    }

    void sweep(long nowNanos) {
        flow.sweep(nowNanos);
    }

    int primarySlot() {
        return primarySlot;
    }

    BalancerSlot balancerSlot() {
        return balancer;
    }

    // ---- read access for the health supervisor, sweeper and displays ----

    TeamPathSet pathSet() {
        return paths;
    }

    FailoverSettings global() {
        return global;
    }

    TeamSettings settings() {
        return settings;
    }

    long noPathRetryMs() {
        long own = settings.noPathRetryMs();
        return own >= 0 ? own : global.noPathRetryMs();
    }

    Failback failback() {
        Failback own = settings.failback();
        return own != null ? own : global.failback();
    }

    long failbackStableMs() {
        long own = settings.failbackStableMs();
        return own >= 0 ? own : global.failbackStableMs();
    }

    // ---- Team ----

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public String luIdentity() {
        return luIdentity;
    }

    @Override
    public String policy() {
        BalancerSlot slot = balancer;
        return settings.failoverOnly() || !slot.active() ? "failover-only" : slot.policy;
    }

    /** The balancer's one-line status. */
    String balancerStatus() {
        return balancer.status();
    }

    @Override
    public List<PathInfo> paths() {
        return StatusSnapshots.pathInfos(paths, balancer);
    }

    @Override
    public ScsiResult execute(ScsiCommand command) throws TeamException, InterruptedException {
        try {
            return submit(command).toCompletableFuture().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TeamException) {
                throw (TeamException) e.getCause();
            }
            throw new TeamException(name(), "team " + name() + ": " + e.getCause(), e.getCause());
        }
    }

    @Override
    public int blockSize() throws TeamException, InterruptedException {
        return io.capacity().blockSize();
    }

    @Override
    public long capacityBytes() throws TeamException, InterruptedException {
        return io.capacity().bytes();
    }

    @Override
    public void read(long offset, ByteBuffer dst) throws TeamException, InterruptedException {
        io.transfer(offset, dst, Direction.READ);
    }

    @Override
    public void write(long offset, ByteBuffer src) throws TeamException, InterruptedException {
        io.transfer(offset, src, Direction.WRITE);
    }

    /** Starts a new counting window on every path (see {@link PathCounters}). */
    void restartWindow() {
        TeamPathSet set = paths;
        for (int i = 0; i < set.size(); i++) {
            set.entry(i).counters.restartWindow();
        }
    }

    @Override
    public String toString() {
        return "Team[" + name() + "]";
    }

    private final class View implements TeamView {
        @Override
        public String name() {
            return TeamImpl.this.name();
        }

        @Override
        public PathSet paths() {
            return paths;
        }

        @Override
        public void restartWindow() {
            TeamImpl.this.restartWindow();
        }
    }
}
