package org.hbateam.balancer.testkit;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

import org.hbateam.api.balancer.PathSet;
import org.hbateam.api.scsi.Direction;

/**
 * A team's paths for tests and benchmarks, keeping its counters the way the failover service does: per
 * slot and direction, lock-free, with a window that restarts when usability or shares change.
 * Slots are named {@code p0, p1, ...}; each slot's adapter is given at construction, and paths on the same
 * adapter share its byte counter, which {@link #addAdapterTraffic} also feeds (another team's I/O).
 */
public final class FakePathSet implements PathSet {
    private final String[] adapters;
    private final int[] readShares;
    private final int[] writeShares;
    private final AtomicIntegerArray usable;
    private final AtomicLongArray windowBytes;
    private final AtomicLongArray totalBytes;
    private final AtomicLongArray adapterBytes;
    private final AtomicIntegerArray inFlightCommands;
    private final AtomicLongArray inFlightBytes;
    private final AtomicLongArray latencyNanos;
    private final AtomicLongArray throughput;

    /** {@code slots} paths, each on its own adapter {@code a0, a1, ...}, with equal shares. */
    public static FakePathSet ofSize(int slots) {
        String[] adapters = new String[slots];
        for (int slot = 0; slot < slots; slot++) {
            adapters[slot] = "a" + slot;
        }
        return new FakePathSet(adapters);
    }

    /** One path per entry, on the named adapter, with equal shares (the first slots get the remainder). */
    public FakePathSet(String... adapterPerSlot) {
        int slots = adapterPerSlot.length;
        adapters = adapterPerSlot.clone();
        readShares = equalShares(slots);
        writeShares = equalShares(slots);
        usable = new AtomicIntegerArray(slots);
        for (int slot = 0; slot < slots; slot++) {
            usable.set(slot, 1);
        }
        windowBytes = new AtomicLongArray(slots * 2);
        totalBytes = new AtomicLongArray(slots * 2);
        adapterBytes = new AtomicLongArray(slots * 2);
        inFlightCommands = new AtomicIntegerArray(slots);
        inFlightBytes = new AtomicLongArray(slots);
        latencyNanos = new AtomicLongArray(slots);
        throughput = new AtomicLongArray(slots);
    }

    private static int[] equalShares(int slots) {
        int[] shares = new int[slots];
        if (slots > 0) {
            Arrays.fill(shares, 100 / slots);
            for (int slot = 0; slot < 100 % slots; slot++) {
                shares[slot]++;
            }
        }
        return shares;
    }

    /** Sets the configured shares (the caller keeps the sum at 100) and restarts the window, as the team does. */
    public FakePathSet shares(Direction direction, int... shares) {
        if (shares.length != size()) {
            throw new IllegalArgumentException("one share per slot expected, got " + shares.length);
        }
        System.arraycopy(shares, 0, direction == Direction.WRITE ? writeShares : readShares, 0, shares.length);
        restartWindow();
        return this;
    }

    /** The team dispatched {@code bytes} on {@code slot}: window, total and adapter counters grow. */
    public void dispatched(int slot, Direction direction, long bytes) {
        windowBytes.addAndGet(index(slot, direction), bytes);
        totalBytes.addAndGet(index(slot, direction), bytes);
        addAdapterTraffic(adapters[slot], direction, bytes);
    }

    /** Another team's I/O of {@code bytes} on adapter {@code adapterId}: only adapter counters grow. */
    public void addAdapterTraffic(String adapterId, Direction direction, long bytes) {
        for (int slot = 0; slot < size(); slot++) {
            if (adapters[slot].equals(adapterId)) {
                adapterBytes.addAndGet(index(slot, direction), bytes);
            }
        }
    }

    /** Marks {@code slot} failed and restarts the window. */
    public void fail(int slot) {
        usable.set(slot, 0);
        restartWindow();
    }

    /** Marks {@code slot} usable again and restarts the window. */
    public void reinstate(int slot) {
        usable.set(slot, 1);
        restartWindow();
    }

    /** Starts a new counting window: every window counter goes back to 0. */
    public void restartWindow() {
        for (int i = 0; i < windowBytes.length(); i++) {
            windowBytes.set(i, 0);
        }
    }

    /** Sets what {@link #inFlightCommands} and {@link #inFlightBytes} report for {@code slot}. */
    public void inFlight(int slot, int commands, long bytes) {
        inFlightCommands.set(slot, commands);
        inFlightBytes.set(slot, bytes);
    }

    /** Sets what {@link #throughputBytesPerSecond} reports for {@code slot}; 0 means unmeasured. */
    public void throughput(int slot, long bytesPerSecond) {
        throughput.set(slot, bytesPerSecond);
    }

    /** Sets what {@link #averageLatencyNanos} reports for {@code slot}. */
    public void latency(int slot, long nanos) {
        latencyNanos.set(slot, nanos);
    }

    private static int index(int slot, Direction direction) {
        return slot * 2 + (direction == Direction.WRITE ? 1 : 0);
    }

    @Override
    public int size() {
        return adapters.length;
    }

    @Override
    public String pathId(int slot) {
        return "p" + slot;
    }

    @Override
    public String adapterId(int slot) {
        return adapters[slot];
    }

    @Override
    public boolean usable(int slot) {
        return usable.get(slot) != 0;
    }

    @Override
    public int configuredShare(int slot, Direction direction) {
        return direction == Direction.WRITE ? writeShares[slot] : readShares[slot];
    }

    @Override
    public long windowBytes(int slot, Direction direction) {
        return windowBytes.get(index(slot, direction));
    }

    @Override
    public long totalBytes(int slot, Direction direction) {
        return totalBytes.get(index(slot, direction));
    }

    @Override
    public long adapterBytes(int slot, Direction direction) {
        return adapterBytes.get(index(slot, direction));
    }

    @Override
    public int inFlightCommands(int slot) {
        return inFlightCommands.get(slot);
    }

    @Override
    public long inFlightBytes(int slot) {
        return inFlightBytes.get(slot);
    }

    @Override
    public long averageLatencyNanos(int slot) {
        return latencyNanos.get(slot);
    }

    @Override
    public long throughputBytesPerSecond(int slot) {
        return throughput.get(slot);
    }
}
