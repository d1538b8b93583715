package org.hbateam.failover.internal.health;

import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.failover.internal.command.Attempt;

/**
 * Probes the paths that carry no traffic: idle ones and held-out ones. A completed command already proves
 * a path alive, so a path with traffic is never probed. At most one probe per path is out at a time; its
 * answer is evidence of health for the {@link PathHealthSupervisor}, its failure or timeout evidence
 * against. Probes are sent by the sweeper only, never on the command path.
 */
final class PathProber implements Attempt.AttemptListener {
    private final PathHealthSupervisor health;
    /** The probe interval while the team has no usable path: a path that is back should carry I/O soon. */
    static final long NEEDED_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final LongSupplier nanoClock;
    private final Executor driverCalls;

    PathProber(PathHealthSupervisor health, LongSupplier nanoClock, Executor driverCalls) {
        this.health = health;
        this.nanoClock = nanoClock;
        this.driverCalls = driverCalls;
    }

    /**
     * Sends a probe on the path if one is due (see {@link #isDue}). While {@code needed} (no path of the team is
     * usable) a flaky hold-down does not stop probes, and they go at least every {@link #NEEDED_INTERVAL_NANOS}.
     */
    void probeIfDue(PathEntry entry, long nowNanos, long intervalNanos, boolean needed) {
        long interval = needed ? Math.min(intervalNanos, NEEDED_INTERVAL_NANOS) : intervalNanos;
        if (isDue(entry, nowNanos, interval, needed)) {
            send(entry, nowNanos);
        }
    }

    /** Fails the path's probe if the driver has it and it is older than {@code timeoutNanos}. */
    void timeOutProbe(PathEntry entry, long nowNanos, long timeoutNanos) {
        Attempt probe = entry.probe.get();
        if (probe != null && probe.handedOver() && nowNanos - probe.startNanos > timeoutNanos) {
            probe.failFromTeam(new PathException(PathException.Reason.TIMEOUT, "probe unanswered on " + entry));
        }
    }

    /**
     * A probe is due when the path is idle (no command in flight and none sent or finished for an interval)
     * or held out, the driver does not report it DOWN (it will say when it is UP), no probe is in flight,
     * and the last probe is an interval old. A path with traffic is never probed.
     */
    static boolean isDue(PathEntry entry, long nowNanos, long intervalNanos, boolean needed) {
        boolean quiet = entry.counters.inFlightCommands() == 0 && nowNanos - entry.lastActivityNanos() >= intervalNanos;
        return quiet && !entry.isRemoved() && entry.driverState().isUsable() && entry.probe.get() == null
                && nowNanos - entry.lastProbeNanos() >= intervalNanos && (needed || !entry.health.heldDown(nowNanos));
    }

    /**
     * Claims the path's probe slot here (on the sweeper, so it never sends two) and hands the driver call to
     * {@code driverCalls}: {@code DataPath.probe} promises to return at once, but a driver that blocks anyway
     * then stalls a pool thread, not the sweeper's pass over every other team.
     */
    private void send(PathEntry entry, long nowNanos) {
        Attempt probe = new Attempt(this, null, entry, nowNanos);
        if (!entry.probe.compareAndSet(null, probe)) {
            return;
        }
        entry.probeSent(nowNanos);
        driverCalls.execute(() -> callDriver(entry, probe));
    }

    private static void callDriver(PathEntry entry, Attempt probe) {
        try {
            entry.path.probe(probe);
            probe.markHandedOver();
        } catch (RuntimeException e) {
            probe.markHandedOver();
            probe.failFromTeam(new PathException(PathException.Reason.TRANSPORT, "driver threw from probe: " + e, e));
        }
    }

    /** The probe answered: a latency sample and proof of life, which may bring a held-out path back. */
    @Override
    public void attemptCompleted(Attempt probe, ScsiResult result) {
        long now = nanoClock.getAsLong();
        PathEntry entry = probe.entry;
        entry.probe.compareAndSet(probe, null);
        entry.counters.recordLatency(now - probe.startNanos);
        entry.madeProgress(now);
        entry.health.sawHealthy(now);
        health.maybeReinstate(entry, now, "probe answered");
    }

    /**
     * The probe failed: a path in service fails; a held-out one restarts its stable clock; a path reinstated since
     * the probe was sent is left alone.
     */
    @Override
    public void attemptFailed(Attempt probe, PathException error) {
        probe.entry.probe.compareAndSet(probe, null);
        health.failPath(probe, error, nanoClock.getAsLong());
    }
}
