package org.hbateam.api.balancer;

import org.hbateam.api.scsi.Direction;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A team's paths at one moment, numbered 0 to {@code size() - 1} (slots), with the statistics the team
 * keeps for them. The failover service implements it. Membership is fixed for the life of one
 * {@code PathSet}: when paths join or leave, the team builds a new one and calls
 * {@link Balancer#pathsChanged}. Usability and counters are live.
 *
 * <p>Every accessor is lock-free and allocation-free, so a balancer can call them on every selection.
 * All counters are kept by the team, not by the balancer, so a strategy swapped in mid-run starts informed.
 */
@ProviderType
public interface PathSet {
    /** The number of slots. */
    int size();

    /** The path id in slot {@code slot}. */
    String pathId(int slot);

    /** The adapter id of the path in {@code slot}. */
    String adapterId(int slot);

    /** True when the path in {@code slot} may be given commands now: up or degraded, and not held out. */
    boolean usable(int slot);

    /**
     * The configured share of the path in {@code slot}, in percent, for {@code direction} (READ or WRITE).
     * The configured shares of all slots add up to 100. When the team has no share configuration,
     * every path gets an equal share.
     */
    int configuredShare(int slot, Direction direction);

    /**
     * Bytes dispatched on the path in {@code slot} in {@code direction} since the window started.
     * The team restarts the window whenever its membership, a path's usability or its shares change, so a
     * reinstated path is compared on even terms rather than flooded until it catches up.
     */
    long windowBytes(int slot, Direction direction);

    /** Bytes dispatched on the path in {@code slot} in {@code direction} since it joined; never reset. */
    long totalBytes(int slot, Direction direction);

    /**
     * Bytes the adapter of the path in {@code slot} has carried in {@code direction} for all teams,
     * cumulative and never reset. This is what the dynamic balancer compares between timer ticks:
     * a shared adapter busy with another team shows here.
     */
    long adapterBytes(int slot, Direction direction);

    /** Commands submitted on the path in {@code slot} and not yet completed. */
    int inFlightCommands(int slot);

    /** Bytes of the commands in flight on the path in {@code slot}. */
    long inFlightBytes(int slot);

    /** A moving average of completion latency on the path in {@code slot}, in nanoseconds; 0 before the first completion. */
    long averageLatencyNanos(int slot);

    /** A moving estimate of the path's throughput in bytes per second; 0 before it has been measured. */
    long throughputBytesPerSecond(int slot);
}
