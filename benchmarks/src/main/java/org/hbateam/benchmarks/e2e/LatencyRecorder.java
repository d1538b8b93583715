package org.hbateam.benchmarks.e2e;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * Every command's latency of one measurement, kept whole so percentiles are exact (nearest rank, as the
 * libiscsi peer computes them). Fed from the completing threads with no allocation and no lock: a slot is
 * claimed by an atomic index. A run longer than the capacity keeps its first samples and counts the rest.
 */
final class LatencyRecorder implements LongConsumer {
    private final long[] nanos;
    private final AtomicInteger next = new AtomicInteger();

    LatencyRecorder(int capacity) {
        this.nanos = new long[capacity];
    }

    @Override
    public void accept(long latencyNanos) {
        int slot = next.getAndIncrement();
        if (slot < nanos.length) {
            nanos[slot] = latencyNanos;
        }
    }

    /** Forgets every sample, for the next measurement: one recorder serves a whole phase, so its array is made once. */
    void reset() {
        next.set(0);
    }

    /** The latency percentiles in microseconds, from the samples recorded so far. */
    Percentiles percentiles() {
        int count = Math.min(next.get(), nanos.length);
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new Percentiles(rank(sorted, 50), rank(sorted, 99), rank(sorted, 99.9));
    }

    /** Samples offered beyond the capacity, left out of the percentiles. */
    int dropped() {
        return Math.max(0, next.get() - nanos.length);
    }

    private static double rank(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        // p / 100 * n in doubles lands just above a whole rank (99.9 % of 1000 is 999.0000000000001): trim that off.
        int rank = (int) Math.ceil(p / 100.0 * sorted.length - 1e-9);
        return sorted[Math.max(1, rank) - 1] / 1000.0;
    }

    /** Latency percentiles in microseconds. */
    record Percentiles(double p50, double p99, double p999) {
    }
}
