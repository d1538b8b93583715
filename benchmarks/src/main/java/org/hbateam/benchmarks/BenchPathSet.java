package org.hbateam.benchmarks;

import java.util.concurrent.atomic.AtomicLongArray;

import org.hbateam.api.balancer.PathSet;
import org.hbateam.api.scsi.Direction;

/**
 * A team's paths as the selection benchmark needs them: every accessor is a plain array read, as cheap as
 * the failover service's own, and {@link #dispatched} is the one atomic add the team does per command. Queue
 * depths and throughputs differ per slot (one slot unmeasured) so that no strategy sees a trivial case.
 */
final class BenchPathSet implements PathSet {
    private final int size;
    private final int[] shares;
    private final AtomicLongArray window;
    private final int[] inFlight;
    private final long[] inFlightBytes;
    private final long[] throughput;

    BenchPathSet(int size) {
        this.size = size;
        shares = new int[size];
        inFlight = new int[size];
        inFlightBytes = new long[size];
        throughput = new long[size];
        window = new AtomicLongArray(size * 2);
        for (int slot = 0; slot < size; slot++) {
            shares[slot] = 100 / size + (slot < 100 % size ? 1 : 0);
            inFlight[slot] = 1 + (slot * 7) % 5;
            inFlightBytes[slot] = 65536L * inFlight[slot];
            throughput[slot] = slot == size - 1 ? 0 : 100_000_000L * (1 + slot % 3);
        }
    }

    /** Counts {@code bytes} on {@code slot}, as the team does after every selection. */
    void dispatched(int slot, Direction direction, long bytes) {
        window.getAndAdd(slot * 2 + (direction == Direction.WRITE ? 1 : 0), bytes);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String pathId(int slot) {
        return "p" + slot;
    }

    @Override
    public String adapterId(int slot) {
        return "a" + slot;
    }

    @Override
    public boolean usable(int slot) {
        return true;
    }

    @Override
    public int configuredShare(int slot, Direction direction) {
        return shares[slot];
    }

    @Override
    public long windowBytes(int slot, Direction direction) {
        return window.get(slot * 2 + (direction == Direction.WRITE ? 1 : 0));
    }

    @Override
    public long totalBytes(int slot, Direction direction) {
        return windowBytes(slot, direction);
    }

    @Override
    public long adapterBytes(int slot, Direction direction) {
        return windowBytes(slot, direction);
    }

    @Override
    public int inFlightCommands(int slot) {
        return inFlight[slot];
    }

    @Override
    public long inFlightBytes(int slot) {
        return inFlightBytes[slot];
    }

    @Override
    public long averageLatencyNanos(int slot) {
        return 100_000L;
    }

    @Override
    public long throughputBytesPerSecond(int slot) {
        return throughput[slot];
    }
}
