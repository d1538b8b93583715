package org.hbateam.failover.internal.health;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.hbateam.api.path.DataPath;
import org.hbateam.api.path.PathException;
import org.hbateam.api.path.PathState;
import org.hbateam.api.scsi.Direction;
import org.hbateam.failover.internal.command.Attempt;

/**
 * One data path as a team holds it: the driver's service, its identity (read once from the service
 * properties), its counters, and the team's view of its health.
 *
 * <p>A path is usable when the driver reports it UP or DEGRADED, the team does not hold it out
 * (after a path error, a DOWN report or while flaky), and its service is still registered.
 */
public final class PathEntry {
    public final DataPath path;
    public final PathIdentity identity;
    public final PathCounters counters = new PathCounters();
    public final AdapterLedger.AdapterBytes adapterBytes;
    /** Attempts sent on this path and not yet finished; scanned by the sweeper and on unbind. */
    public final Set<Attempt> inFlight = ConcurrentHashMap.newKeySet();
    /** The probe in flight, if any: at most one at a time. */
    final AtomicReference<Attempt> probe = new AtomicReference<>();
    public final PathHealth health;

    /**
     * Even while the path is in service, odd while it is held out. Each release starts a new incarnation, so an
     * attempt remembers the incarnation it was sent in ({@link #incarnation}) and its failure can hold out only
     * that one: the late failure of a command or probe sent before a reinstatement says nothing about the path
     * as it is since, and must not take it out again.
     */
    private final AtomicInteger phase = new AtomicInteger();
    private volatile PathState driverState;
    private volatile boolean removed;
    private volatile long lastActivityNanos;
    private volatile long lastProgressNanos;
    private volatile long lastProbeNanos;

    public PathEntry(DataPath path, PathIdentity identity, AdapterLedger.AdapterBytes adapterBytes, PathState initialState,
              PathHealth health) {
        this.path = path;
        this.identity = identity;
        this.adapterBytes = adapterBytes;
        this.driverState = initialState;
        this.health = health;
    }

    public boolean usable() {
        return !isHeldOut() && !removed && driverState.isUsable();
    }

    /** The incarnation of the path now: what an attempt sent now records. */
    public int incarnation() {
        return phase.get() & ~1;
    }

    /** Holds the path out, whatever its incarnation; true only for the caller that changed it. */
    boolean holdOut() {
        int now;
        do {
            now = phase.get();
            if ((now & 1) != 0) {
                return false;
            }
        } while (!phase.compareAndSet(now, now | 1));
        return true;
    }

    /**
     * Holds the path out if it is still in service in {@code incarnation}; true only for the caller that changed
     * it (so a failure is acted on once, and never on a later incarnation).
     */
    boolean holdOut(int incarnation) {
        return phase.compareAndSet(incarnation, incarnation | 1);
    }

    /** True while the path is held out in {@code incarnation}, the one a failure was seen in. */
    boolean heldOutIn(int incarnation) {
        return phase.get() == (incarnation | 1);
    }

    /** Lets the path carry I/O again, in a new incarnation; true only for the caller that changed it. */
    boolean release() {
        int now;
        do {
            now = phase.get();
            if ((now & 1) == 0) {
                return false;
            }
        } while (!phase.compareAndSet(now, now + 1));
        return true;
    }

    public boolean isHeldOut() {
        return (phase.get() & 1) != 0;
    }

    public PathState driverState() {
        return driverState;
    }

    public void driverState(PathState state) {
        driverState = state;
    }

    public boolean isRemoved() {
        return removed;
    }

    public void markRemoved() {
        removed = true;
    }

    /**
     * Fails every attempt still open on this path, the probe included, from our side: its service is gone,
     * and a driver that is stopping may never call back (if it does, the closed attempts ignore it).
     */
    public void failOpenAttempts(PathException gone) {
        for (Attempt attempt : inFlight) {
            attempt.failFromTeam(gone);
        }
        Attempt openProbe = probe.get();
        if (openProbe != null) {
            openProbe.failFromTeam(gone);
        }
    }

    /** The state shown to users: DOWN while the team holds the path out. */
    public PathState displayState() {
        return isHeldOut() || removed ? PathState.DOWN : driverState;
    }

    public void dispatched(Direction direction, long bytes, long nowNanos) {
        counters.dispatched(direction, bytes);
        adapterBytes.add(direction, bytes);
        lastActivityNanos = nowNanos;
    }

    /** A command finished on this path: traffic is proof of life, so it also counts as activity. */
    public void finished(long bytes, long latencyNanos, long nowNanos) {
        counters.finished(bytes, latencyNanos);
        if (latencyNanos >= 0) {
            lastActivityNanos = nowNanos;
            lastProgressNanos = nowNanos;
        }
    }

    /** Counts joining as activity, so a new path is not probed before it had a chance to carry I/O. */
    public void joined(long nowNanos) {
        lastActivityNanos = nowNanos;
        lastProgressNanos = nowNanos;
    }

    /** The path answered something (a command or a probe): it is not silent. */
    void madeProgress(long nowNanos) {
        lastProgressNanos = nowNanos;
    }

    /** When the path last answered anything (or joined). */
    long lastProgressNanos() {
        return lastProgressNanos;
    }

    long lastActivityNanos() {
        return lastActivityNanos;
    }

    long lastProbeNanos() {
        return lastProbeNanos;
    }

    void probeSent(long nowNanos) {
        lastProbeNanos = nowNanos;
    }

    @Override
    public String toString() {
        return identity.pathId();
    }
}
