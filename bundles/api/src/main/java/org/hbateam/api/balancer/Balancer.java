package org.hbateam.api.balancer;

import org.hbateam.api.scsi.Direction;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One team's balancing state, created by a {@link BalancerFactory}. Modelled on the device-mapper
 * path-selector contract: select, start and end of I/O, fail and reinstate, status.
 *
 * <p>The failover service calls {@link #select} concurrently from many threads; the notifications may
 * arrive concurrently with it. A balancer that throws is treated as absent: the team falls back to
 * failover-only routing.
 */
@ConsumerType
public interface Balancer {
    /** Returned by {@link #select} when no slot is usable. */
    int NO_PATH = -1;

    /**
     * Chooses the slot of {@code paths} that carries an I/O of {@code bytes} bytes in {@code direction}.
     * Must not lock or allocate. Returns {@link #NO_PATH} when no slot of {@code paths} is usable; never
     * returns an unusable slot when a usable one exists.
     */
    int select(PathSet paths, Direction direction, long bytes);

    /** The team dispatched {@code bytes} on {@code slot}; counters are already updated. Default: nothing. */
    default void started(PathSet paths, int slot, Direction direction, long bytes) {
    }

    /** The I/O on {@code slot} completed after {@code latencyNanos}. Default: nothing. */
    default void ended(PathSet paths, int slot, Direction direction, long bytes, long latencyNanos) {
    }

    /** The path in {@code slot} failed; it is no longer usable until reinstated. Default: nothing. */
    default void pathFailed(PathSet paths, int slot) {
    }

    /** The path in {@code slot} is usable again. Default: nothing. */
    default void pathReinstated(PathSet paths, int slot) {
    }

    /** The team's membership changed; {@code paths} is the new set, with new slot numbers. Default: nothing. */
    default void pathsChanged(PathSet paths) {
    }

    /**
     * The share, in percent, that this balancer currently aims to give the path in {@code slot}, for display.
     * Strategies without shares report an equal split over usable slots.
     */
    double share(PathSet paths, int slot, Direction direction);

    /** A one-line description of the balancer's state, for the shell. */
    String status();

    /** The team no longer uses this balancer; release timers and memory. Called once. */
    default void close() {
    }
}
