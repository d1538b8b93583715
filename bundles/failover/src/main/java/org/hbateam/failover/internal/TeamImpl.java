package org.hbateam.failover.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
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
import org.hbateam.api.team.NoUsablePathException;
import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;
import org.hbateam.api.team.TeamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One team: the paths to one logical unit. Routes each command ({@link Router}), sends it, and decides
 * what its outcome means ({@link ErrorClassifier}): deliver it, retry it on the same path, or fail the
 * path and retry elsewhere. Commands that find no usable path wait in a queue until a path comes back or
 * the no-path retry time runs out.
 *
 * <p>Threading: the command path (submit, dispatch, outcomes) takes no lock. Membership, settings,
 * balancer and usability changes are rare and serialise on {@code this}; they publish a new
 * {@link TeamPathSet} (copy-on-write) or flip a path's atomic flag.
 */
final class TeamImpl implements Team, Attempt.AttemptListener {
    private static final Logger LOG = LoggerFactory.getLogger(TeamImpl.class);

    final PathHealthSupervisor health;
    /** What balancers see of this team (a separate object: Team and TeamView both declare paths()). */
    final TeamView view = new View();
    private final String luIdentity;
    private final LongSupplier nanoClock;
    private final AdapterLedger ledger;
    private final Map<DataPath, PathEntry> members = new LinkedHashMap<>(); // guarded by this
    private final ConcurrentLinkedQueue<PendingCommand> waiting = new ConcurrentLinkedQueue<>();
    private final ByteIo io = new ByteIo(this);
    private volatile TeamPathSet paths = TeamPathSet.empty();
    private volatile int primarySlot = -1;
    private volatile TeamSettings settings;
    private volatile FailoverSettings global;
    private volatile BalancerSlot balancer = BalancerSlot.NONE;
    private volatile boolean closed;

    TeamImpl(TeamSettings settings, FailoverSettings global, LongSupplier nanoClock, AdapterLedger ledger, TeamEvents events) {
        this.luIdentity = settings.luIdentity();
        this.settings = settings;
        this.global = global;
        this.nanoClock = nanoClock;
        this.ledger = ledger;
        this.health = new PathHealthSupervisor(this, events, nanoClock);
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
        primarySlot = PathSetBuilder.primarySlot(set, settings.primary());
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

    // ---- the command path (lock-free) ----

    @Override
    public CompletionStage<ScsiResult> submit(ScsiCommand command) {
        PendingCommand pending = new PendingCommand(command);
        dispatch(pending);
        return pending.future;
    }

    void dispatch(PendingCommand pending) {
        if (closed) {
            pending.fail(new TeamException(name(), "team " + name() + " is shutting down", null));
            return;
        }
        TeamPathSet set = paths;
        int slot = Router.select(set, primarySlot, settings.failoverOnly(), balancer, pending);
        if (slot < 0) {
            enqueue(pending);
        } else {
            send(set, slot, pending);
        }
    }

    private void send(TeamPathSet set, int slot, PendingCommand pending) {
        PathEntry entry = set.entry(slot);
        ScsiCommand command = pending.command;
        long now = nanoClock.getAsLong();
        pending.noteTried(entry);
        Attempt attempt = new Attempt(this, pending, entry, now);
        entry.inFlight.add(attempt);
        entry.dispatched(command.direction(), command.transferLength(), now);
        balancer.started(set, slot, command.direction(), command.transferLength());
        if (entry.isRemoved() || closed) {
            // Raced with an unbind or shutdown that may already have swept this path's in-flight set.
            attempt.failFromTeam(new PathException(PathException.Reason.PATH_REMOVED, "path " + entry + " left"));
            return;
        }
        try {
            entry.path.submit(command, attempt);
        } catch (RuntimeException e) {
            attempt.failFromTeam(new PathException(PathException.Reason.TRANSPORT, "driver threw from submit: " + e, e));
        }
    }

    @Override
    public void attemptCompleted(Attempt attempt, ScsiResult result) {
        PathEntry entry = attempt.entry;
        entry.inFlight.remove(attempt);
        long now = nanoClock.getAsLong();
        if (attempt.isProbe()) {
            health.probeAnswered(attempt, now);
            return;
        }
        PendingCommand pending = attempt.command;
        ScsiCommand command = pending.command;
        long latency = now - attempt.startNanos;
        entry.finished(command.transferLength(), latency, now);
        TeamPathSet set = paths;
        balancer.ended(set, set.slotOf(entry), command.direction(), command.transferLength(), latency);
        health.sawTraffic(entry, now);
        if (ErrorClassifier.classify(result, pending.unitAttentionRetried()) == ErrorClassifier.Verdict.RETRY_SAME_PATH) {
            pending.markUnitAttentionRetried();
            int slot = set.slotOf(entry);
            if (slot >= 0 && entry.usable() && !closed) {
                send(set, slot, pending);
            } else {
                dispatch(pending);
            }
            return;
        }
        pending.deliver(result);
    }

    /** A path error: fail the path (the balancer is told through the failure, not through ended) and retry. */
    @Override
    public void attemptFailed(Attempt attempt, PathException error) {
        PathEntry entry = attempt.entry;
        entry.inFlight.remove(attempt);
        long now = nanoClock.getAsLong();
        if (attempt.isProbe()) {
            health.probeFailed(attempt, error, now);
            return;
        }
        entry.finished(attempt.command.command.transferLength(), -1, now);
        health.failPath(entry, error, now);
        retry(attempt.command, error);
    }

    private void retry(PendingCommand pending, PathException error) {
        if (pending.isDone()) {
            return;
        }
        if (pending.countRetry() > global.maxRetries()) {
            pending.fail(new TeamException(name(), "team " + name() + ": command met " + pending.retries()
                    + " path errors, more than maxRetries=" + global.maxRetries() + "; last: " + error, error));
            return;
        }
        dispatch(pending);
    }

    private void enqueue(PendingCommand pending) {
        pending.queuedAt(nanoClock.getAsLong());
        waiting.add(pending);
        health.noUsablePath();
        if (closed) {
            failWaiting();
        } else if (Router.failoverOnlySlot(paths, -1) >= 0) {
            // A path came back between routing and queueing; its release may have missed this command.
            releaseWaiting();
        }
    }

    /** Sends every command that was waiting when this started; those that still find no path wait again. */
    void releaseWaiting() {
        for (int n = waiting.size(); n > 0; n--) {
            PendingCommand pending = waiting.poll();
            if (pending == null) {
                return;
            }
            dispatch(pending);
        }
    }

    /** Fails the waiting commands that have waited longer than the no-path retry time. */
    void expireWaiting(long nowNanos) {
        long limit = TimeUnit.MILLISECONDS.toNanos(noPathRetryMs());
        for (PendingCommand pending : waiting) {
            long waited = nowNanos - pending.queuedAtNanos();
            if (waited >= limit && waiting.remove(pending)) {
                pending.fail(new NoUsablePathException(name(), TimeUnit.NANOSECONDS.toMillis(waited)));
            }
        }
    }

    /**
     * The sweeper's visit: per-path timeouts, probes, failback and throughput, then the queue: expired
     * commands fail, and waiting commands go out if a path is usable (a safety net behind the immediate
     * release on reinstatement).
     */
    void sweep(long nowNanos) {
        TeamPathSet set = paths;
        for (int i = 0; i < set.size(); i++) {
            health.sweep(set.entry(i), nowNanos);
        }
        expireWaiting(nowNanos);
        if (!waiting.isEmpty() && Router.failoverOnlySlot(paths, -1) >= 0) {
            releaseWaiting();
        }
    }

    /** Shuts the team: every queued and in-flight command fails once, cleanly, and the balancer is closed. */
    void close() {
        closed = true;
        failWaiting();
        PathEntry[] entries;
        synchronized (this) {
            entries = members.values().toArray(new PathEntry[0]);
        }
        for (PathEntry entry : entries) {
            for (Attempt attempt : entry.inFlight) {
                if (attempt.close()) {
                    entry.inFlight.remove(attempt);
                    attempt.command.fail(new TeamException(name(), "team " + name() + " is shutting down", null));
                    abortQuietly(entry, attempt.command.command);
                }
            }
        }
        balancer.close();
    }

    private void failWaiting() {
        PendingCommand pending;
        while ((pending = waiting.poll()) != null) {
            pending.fail(new TeamException(name(), "team " + name() + " is shutting down", null));
        }
    }

    static void abortQuietly(PathEntry entry, ScsiCommand command) {
        try {
            entry.path.abort(command);
        } catch (RuntimeException e) {
            LOG.debug("path {}: abort threw", entry, e);
        }
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
        TeamPathSet set = paths;
        BalancerSlot slot = balancer;
        List<PathInfo> infos = new ArrayList<>(set.size());
        for (int i = 0; i < set.size(); i++) {
            PathEntry e = set.entry(i);
            PathIdentity id = e.identity;
            infos.add(new PathInfo(id.pathId(), id.adapterId(), id.target(), id.lun(), e.displayState(),
                    e.counters.totalBytes(Direction.READ), e.counters.totalBytes(Direction.WRITE),
                    e.counters.completedCommands(), e.counters.inFlightCommands(),
                    slot.share(set, i, Direction.READ), slot.share(set, i, Direction.WRITE)));
        }
        return List.copyOf(infos);
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
