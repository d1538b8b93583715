package org.hbateam.failover.internal.team;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.hbateam.api.path.DataPath;
import org.hbateam.api.path.PathException;
import org.hbateam.api.path.PathState;
import org.hbateam.api.scsi.Direction;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;
import org.hbateam.api.team.TeamException;
import org.hbateam.failover.internal.StatusSnapshots;
import org.hbateam.failover.internal.command.BalancerSlot;
import org.hbateam.failover.internal.command.ByteIo;
import org.hbateam.failover.internal.command.CommandFlow;
import org.hbateam.failover.internal.command.PendingCommand;
import org.hbateam.failover.internal.command.TeamErrors;
import org.hbateam.failover.internal.config.EffectiveSettings;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.failover.internal.config.TeamSettings;
import org.hbateam.failover.internal.events.TeamEvents;
import org.hbateam.failover.internal.health.AdapterLedger;
import org.hbateam.failover.internal.health.PathEntry;
import org.hbateam.failover.internal.health.PathHealthSupervisor;
import org.hbateam.failover.internal.health.PathIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One team: the {@link Team} API over the paths to one logical unit, and what a change of its paths or
 * settings means for the commands waiting on it. The work is done by its parts:
 * <ul>
 *   <li>{@link TeamMembership}: the paths and the path set, primary and balancer published from them; the
 *       team's lock;</li>
 *   <li>{@link EffectiveSettings}: the team's own settings over the global ones;</li>
 *   <li>{@link CommandFlow}: the command path, which takes no lock;</li>
 *   <li>{@link PathHealthSupervisor}: when paths go out of service and come back;</li>
 *   <li>{@link ByteIo}: byte-level read and write.</li>
 * </ul>
 * The parts are final fields of final classes, so the command path's extra hops are inlined by the JIT.
 * Three parts are reached directly: the registry swaps the balancer on {@link #members} and reports driver
 * states to {@link #health}, and the sweeper visits {@link #flow}; other changes go through this class.
 */
public final class TeamImpl implements Team {
    private static final Logger LOG = LoggerFactory.getLogger(TeamImpl.class);

    public final EffectiveSettings config;
    public final TeamMembership members;
    public final PathHealthSupervisor health;
    public final CommandFlow flow;
    private final String luIdentity;
    private final ByteIo io = new ByteIo(this);
    private final AtomicLong failovers = new AtomicLong();
    private volatile long lastFailoverMillis;

    /** @param driverCalls where the sweeper's calls into drivers run (see {@link CommandFlow}) */
    TeamImpl(TeamSettings settings, FailoverSettings global, LongSupplier nanoClock, AdapterLedger ledger, TeamEvents events,
             Executor driverCalls) {
        this.luIdentity = settings.luIdentity();
        this.config = new EffectiveSettings(settings, global);
        this.members = new TeamMembership(config, ledger, nanoClock);
        this.health = new PathHealthSupervisor(this, events, nanoClock, driverCalls);
        this.flow = new CommandFlow(members, config, health, nanoClock, driverCalls);
    }

    // ---- changes from the registry: each releases or fails what waits on them ----

    /** Adds a path; commands waiting for a path are released if it is usable. */
    PathEntry addPath(DataPath path, PathIdentity identity, PathState initialState) {
        PathEntry entry = members.add(path, identity, initialState);
        LOG.info("team {}: path {} joined (adapter {}, state {})", name(), identity.pathId(), identity.adapterId(), initialState);
        flow.releaseWaiting();
        return entry;
    }

    /**
     * Removes a path whose service is gone. Its in-flight commands are retried elsewhere once the driver fences
     * them (a stopping driver that closes its sessions does); those still waiting for a fence then fail, since
     * none can come from a path that is gone.
     */
    void removePath(DataPath path) {
        PathEntry entry = members.remove(path);
        if (entry != null) {
            LOG.info("team {}: path {} left", name(), entry.identity.pathId());
            entry.failOpenAttempts(new PathException(PathException.Reason.PATH_REMOVED,
                    "path service " + entry.identity.pathId() + " unregistered"));
            flow.pathLeft(entry);
        }
    }

    /** New settings; commands waiting for a path are released if one is usable now. */
    void applySettings(TeamSettings newSettings, FailoverSettings newGlobal) {
        members.applySettings(newSettings, newGlobal);
        flow.releaseWaiting();
    }

    /** Shuts the team: every queued and in-flight command fails once, cleanly, and the balancer is closed. */
    void close() {
        flow.close(members.entries());
        members.balancer().close();
    }

    // ---- operator actions and the reads they and the tests need ----

    /** An operator's primary, overriding the configured one; null or empty returns to the configuration. */
    public void prefer(String pathIdOrAdapter) {
        members.prefer(pathIdOrAdapter);
    }

    /** Forgets latency estimates and failure history on every path, and restarts the window. */
    public void resetCounters() {
        members.forgetEstimates();
    }

    public PathEntry entry(DataPath path) {
        return members.entry(path);
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    public TeamPathSet pathSet() {
        return members.pathSet();
    }

    public long noPathRetryMs() {
        return config.noPathRetryMs();
    }

    // ---- status (read by StatusSnapshots) ----

    public TeamSettings settings() {
        return config.own();
    }

    public FailoverSettings global() {
        return config.global();
    }

    public String balancerStatus() {
        return members.balancer().status();
    }

    /** A path failed while others could take over. */
    public void noteFailover() {
        failovers.incrementAndGet();
        lastFailoverMillis = System.currentTimeMillis();
    }

    public long failovers() {
        return failovers.get();
    }

    public long lastFailoverMillis() {
        return lastFailoverMillis;
    }

    public long retries() {
        return flow.retries();
    }

    public int queuedCommands() {
        return flow.queuedCommands();
    }

    /** Commands waiting for a path, a fence or a backoff: while there are any, the team is kept. */
    public int waitingCommands() {
        return flow.waitingCommands();
    }

    // ---- Team ----

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public String luIdentity() {
        return luIdentity;
    }

    @Override
    public String policy() {
        BalancerSlot slot = members.balancer();
        return config.failoverOnly() || !slot.active() ? "failover-only" : slot.policy;
    }

    @Override
    public List<PathInfo> paths() {
        return StatusSnapshots.pathInfos(members.pathSet(), members.balancer());
    }

    /** Lock-free and, beyond the command's own bookkeeping, allocation-free: see {@link CommandFlow}. */
    @Override
    public CompletionStage<ScsiResult> submit(ScsiCommand command) {
        PendingCommand pending = new PendingCommand(command);
        flow.dispatch(pending);
        return pending;
    }

    @Override
    public ScsiResult execute(ScsiCommand command) throws TeamException, InterruptedException {
        try {
            return submit(command).toCompletableFuture().get();
        } catch (ExecutionException e) {
            throw TeamErrors.asTeamException(name(), e.getCause());
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

    @Override
    public String toString() {
        return "Team[" + name() + "]";
    }
}
