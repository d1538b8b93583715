package org.hbateam.balancer.dynamic.internal;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.hbateam.api.balancer.Balancer;
import org.hbateam.api.balancer.PathSet;
import org.hbateam.api.balancer.TeamView;
import org.hbateam.api.scsi.Direction;
import org.hbateam.balancer.common.ChoiceClock;
import org.hbateam.balancer.common.Directions;
import org.hbateam.balancer.common.EffectiveShares;
import org.hbateam.balancer.common.ProportionalSelector;
import org.hbateam.balancer.common.ShareLine;

/**
 * One team's dynamic balancing (FIG. 5). Between ticks it routes with the static rule on its current
 * shares ([0029], [0036]); on each tick of the factory's timer it moves share away from congested paths.
 *
 * <p>What DataPathBytes counts for a tick: for each usable path, the growth of
 * {@link PathSet#adapterBytes} since the previous tick, that is every byte the path's ADAPTER carried in that
 * direction during the interval, for all teams ([0042]). A path whose adapter is busy with another team's
 * I/O therefore looks over its share and gives share away. Two paths of one team on the same adapter each
 * count that adapter's bytes.
 *
 * <p>Creating the balancer (switching to dynamic) and a membership change start from the configured shares
 * ([0036]); so does a change of the configured shares, noticed at the next tick.
 */
public final class DynamicBalancer implements Balancer {
    /** The capacity mode's smallest move, in share points, that restarts the team's window. */
    static final double RESTART_POINTS = 0.5;

    private final TeamView team;
    private final Consumer<DynamicBalancer> onClose;
    private final AtomicReference<ShareSnapshot> snapshot;
    private volatile ChoiceClock clock;
    private volatile ShareMode mode = ShareMode.PATENT;

    /** A balancer for {@code team} starting from its configured shares; {@code onClose} runs once on close. */
    public DynamicBalancer(TeamView team, Consumer<DynamicBalancer> onClose) {
        PathSet paths = team.paths();
        this.team = team;
        this.onClose = onClose;
        this.snapshot = new AtomicReference<>(ShareSnapshot.configured(paths));
        this.clock = new ChoiceClock(paths.size());
    }

    /** The usable slot with the largest (TotalTeamBytes / DataPathBytes) × dynamic share; NO_PATH when none is usable. */
    @Override
    public int select(PathSet paths, Direction direction, long bytes) {
        return ProportionalSelector.select(paths, Directions.balanced(direction), snapshot.get(), clock);
    }

    /** Starts again from the configured shares of the new set, with a new interval. */
    @Override
    public void pathsChanged(PathSet paths) {
        clock = new ChoiceClock(paths.size());
        snapshot.set(ShareSnapshot.configured(paths));
    }

    /** The dynamic share spread over the usable slots in proportion; 0 for an unusable slot. */
    @Override
    public double share(PathSet paths, int slot, Direction direction) {
        return EffectiveShares.proportional(paths, slot, Directions.balanced(direction), snapshot.get());
    }

    /** The policy and the effective dynamic read and write shares of every slot. */
    @Override
    public String status() {
        PathSet paths = snapshot.get().paths;
        String name = mode == ShareMode.PATENT ? "dynamic" : "dynamic " + mode.configName();
        return name + ": " + ShareLine.of(this, paths, Direction.READ) + "; " + ShareLine.of(this, paths, Direction.WRITE);
    }

    /** Stops taking part in the factory's ticks. */
    @Override
    public void close() {
        onClose.accept(this);
    }

    /**
     * One timer tick: recomputes the shares from the adapter bytes of the interval that just ended and
     * restarts the team's window when they moved. Runs on the factory's timer thread only. A tick that
     * races with a membership change is dropped: the new set starts from its configured shares anyway.
     */
    void tick(DynamicSettings parameters) {
        mode = parameters.mode();
        ShareSnapshot current = snapshot.get();
        if (current.configurationChanged()) {
            if (snapshot.compareAndSet(current, ShareSnapshot.configured(current.paths))) {
                team.restartWindow();
            }
            return;
        }
        PathSet paths = current.paths;
        boolean[] usable = usable(paths);
        long[] latency = latencies(paths);
        long[] nowRead = ShareSnapshot.adapterBytes(paths, Direction.READ);
        long[] nowWrite = ShareSnapshot.adapterBytes(paths, Direction.WRITE);
        double[] read = current.readShares.clone();
        double[] write = current.writeShares.clone();
        int[] quietRead = current.quietRead.clone();
        int[] quietWrite = current.quietWrite.clone();
        boolean moved = step(read, current.readShares, current.configuredRead, delta(nowRead, current.adapterRead),
            latency, usable, quietRead, parameters);
        moved |= step(write, current.writeShares, current.configuredWrite, delta(nowWrite, current.adapterWrite),
            latency, usable, quietWrite, parameters);
        if (snapshot.compareAndSet(current, current.next(read, write, nowRead, nowWrite, quietRead, quietWrite)) && moved) {
            team.restartWindow(); // the static rule starts even on the new shares, not on old imbalance
        }
    }

    /**
     * One direction's tick in the configured mode; true when the shares moved enough to restart the window.
     * The capacity mode nudges shares a little at almost every tick; restarting the window for a nudge would
     * hand every tick's first commands to whichever path the restart leaves at 0 bytes.
     */
    private static boolean step(double[] shares, double[] before, int[] configured, long[] bytes, long[] latency,
                                boolean[] usable, int[] quiet, DynamicSettings p) {
        return switch (p.mode()) {
            case PATENT -> ShareRebalancer.rebalance(shares, bytes, usable, p.changeThresholdPercent(), p.lbChangePercent());
            case RELAXED -> ShareRebalancer.rebalance(shares, bytes, usable, p.changeThresholdPercent(), p.lbChangePercent())
                | ShareRelaxation.relax(shares, before, configured, bytes, latency, usable, quiet, p);
            case CAPACITY -> CapacitySteering.steer(shares, bytes, latency, usable, p.lbChangePercent()) >= RESTART_POINTS;
        };
    }

    /** The raw dynamic share of {@code slot}, before spreading failed paths' shares; for tests. */
    double rawShare(int slot, Direction direction) {
        return snapshot.get().share(null, slot, direction);
    }

    private static long[] latencies(PathSet paths) {
        long[] latency = new long[paths.size()];
        for (int slot = 0; slot < latency.length; slot++) {
            latency[slot] = paths.averageLatencyNanos(slot);
        }
        return latency;
    }

    private static boolean[] usable(PathSet paths) {
        boolean[] usable = new boolean[paths.size()];
        for (int slot = 0; slot < usable.length; slot++) {
            usable[slot] = paths.usable(slot);
        }
        return usable;
    }

    private static long[] delta(long[] now, long[] before) {
        long[] delta = new long[now.length];
        for (int slot = 0; slot < now.length; slot++) {
            delta[slot] = Math.max(0L, now[slot] - before[slot]); // a counter that went back counts as idle
        }
        return delta;
    }
}
