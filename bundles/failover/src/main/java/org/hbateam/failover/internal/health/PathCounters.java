package org.hbateam.failover.internal.health;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.hbateam.api.scsi.Direction;

/**
 * The statistics the team keeps for one path. Every method is lock-free and allocation-free: per-path
 * atomics (one path's counters are touched by the commands on that path only, so contention is low;
 * the shared per-adapter cells use LongAdder instead, see {@link AdapterLedger}).
 *
 * <p><b>The window.</b> {@link #windowBytes} counts dispatched bytes since the team last restarted the
 * window. The team restarts it (for all its paths at once) whenever membership, a path's usability or
 * the shares change, and when a balancer asks. So the window is "since the last change", not a fixed
 * time frame: a reinstated path starts at 0 together with every other path and is compared on even
 * terms, instead of being flooded until its cumulative count catches up (design.md, "Counters and their
 * window"). Cumulative totals are never reset.
 */
public final class PathCounters {
    private final AtomicLong totalRead = new AtomicLong();
    private final AtomicLong totalWrite = new AtomicLong();
    private final AtomicLong windowRead = new AtomicLong();
    private final AtomicLong windowWrite = new AtomicLong();
    private final AtomicInteger inFlightCommands = new AtomicInteger();
    private final AtomicLong inFlightBytes = new AtomicLong();
    private final AtomicLong completedCommands = new AtomicLong();
    private final AtomicLong completedBytes = new AtomicLong();
    /** EWMA of latency, weight 1/8 (as TCP's SRTT). */
    private final AtomicLong averageLatency = new AtomicLong();
    /** EWMA of the absolute deviation from the average, weight 1/4 (as TCP's RTTVAR). */
    private final AtomicLong latencyDeviation = new AtomicLong();
    private volatile long throughput;
    // Sampled by the single sweeper thread only.
    private long sampledBytes;
    private long sampledAtNanos;

    /** A command of {@code bytes} bytes was sent on this path. */
    void dispatched(Direction direction, long bytes) {
        if (direction == Direction.READ) {
            totalRead.addAndGet(bytes);
            windowRead.addAndGet(bytes);
        } else if (direction == Direction.WRITE) {
            totalWrite.addAndGet(bytes);
            windowWrite.addAndGet(bytes);
        }
        inFlightCommands.incrementAndGet();
        inFlightBytes.addAndGet(bytes);
    }

    /** An attempt of {@code bytes} bytes left this path; {@code latencyNanos} is negative when it did not complete. */
    void finished(long bytes, long latencyNanos) {
        inFlightCommands.decrementAndGet();
        inFlightBytes.addAndGet(-bytes);
        if (latencyNanos >= 0) {
            completedCommands.incrementAndGet();
            completedBytes.addAndGet(bytes);
            recordLatency(latencyNanos);
        }
    }

    /** Feeds a latency sample (command or probe) into the moving averages. */
    void recordLatency(long latencyNanos) {
        long average = averageLatency.accumulateAndGet(latencyNanos,
                (old, sample) -> old == 0 ? sample : old + (sample - old) / 8);
        latencyDeviation.accumulateAndGet(Math.abs(latencyNanos - average),
                (old, sample) -> old + (sample - old) / 4);
    }

    public void restartWindow() {
        windowRead.set(0);
        windowWrite.set(0);
    }

    /** Forgets the latency and throughput estimates and restarts the window; cumulative totals stay. */
    public void resetEstimates() {
        averageLatency.set(0);
        latencyDeviation.set(0);
        throughput = 0;
        restartWindow();
    }

    /**
     * Updates the throughput estimate; called by the sweeper, never on the command path. An interval in which the
     * path was idle (nothing completed, nothing in flight) says nothing about its speed, so the estimate goes back
     * to unmeasured (0): otherwise a path a balancer stopped using would decay towards 0 B/s and never be tried again.
     */
    void sampleThroughput(long nowNanos) {
        long bytes = completedBytes.get();
        long elapsed = nowNanos - sampledAtNanos;
        if (bytes == sampledBytes && inFlightCommands.get() == 0) {
            throughput = 0;
        } else if (sampledAtNanos != 0 && elapsed > 0) {
            long rate = (long) ((bytes - sampledBytes) * 1e9 / elapsed);
            long old = throughput;
            throughput = old == 0 ? rate : old + (rate - old) / 4;
        }
        sampledBytes = bytes;
        sampledAtNanos = nowNanos;
    }

    public long windowBytes(Direction direction) {
        if (direction == Direction.READ) {
            return windowRead.get();
        }
        return direction == Direction.WRITE ? windowWrite.get() : 0L;
    }

    public long totalBytes(Direction direction) {
        if (direction == Direction.READ) {
            return totalRead.get();
        }
        return direction == Direction.WRITE ? totalWrite.get() : 0L;
    }

    public int inFlightCommands() {
        return inFlightCommands.get();
    }

    public long inFlightBytes() {
        return inFlightBytes.get();
    }

    public long completedCommands() {
        return completedCommands.get();
    }

    public long averageLatencyNanos() {
        return averageLatency.get();
    }

    long latencyDeviationNanos() {
        return latencyDeviation.get();
    }

    public long throughputBytesPerSecond() {
        return throughput;
    }
}
