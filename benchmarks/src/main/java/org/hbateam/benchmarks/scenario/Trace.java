package org.hbateam.benchmarks.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;
import org.hbateam.load.QueueDepthLoop;

/**
 * What a team did over time: every period, its completed bytes, another team's completed bytes and its
 * balancer's read and write share on one adapter (from {@link Team#paths()}). Answers how long the shares
 * kept moving and when the throughput came within a tolerance of its final value.
 */
final class Trace {
    record Sample(long millis, long bytes, long otherBytes, double readShare, double writeShare) {
    }

    /** A share change smaller than this (percentage points) is rounding, not a move. */
    private static final double MOVE_EPSILON = 0.01;

    private final List<Sample> samples;

    private Trace(List<Sample> samples) {
        this.samples = samples;
    }

    /** Samples for {@code durationMs} every {@code periodMs}; {@code other} may be null. */
    static Trace record(Team team, QueueDepthLoop load, QueueDepthLoop other, String adapter, long durationMs,
            long periodMs) throws InterruptedException {
        List<Sample> samples = new ArrayList<>();
        long start = System.nanoTime();
        long next = start;
        while (true) {
            long now = System.nanoTime();
            long elapsed = TimeUnit.NANOSECONDS.toMillis(now - start);
            samples.add(sample(team, load, other, adapter, elapsed));
            if (elapsed >= durationMs) {
                return new Trace(samples);
            }
            next += TimeUnit.MILLISECONDS.toNanos(periodMs);
            TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
        }
    }

    private static Sample sample(Team team, QueueDepthLoop load, QueueDepthLoop other, String adapter, long millis) {
        PathInfo path = pathOver(team, adapter);
        return new Sample(millis, load.result().bytes(), other == null ? 0 : other.result().bytes(),
                path.readShare(), path.writeShare());
    }

    static PathInfo pathOver(Team team, String adapter) {
        return team.paths().stream().filter(p -> p.adapterId().equals(adapter)).findFirst()
                .orElseThrow(() -> new IllegalStateException("team " + team.name() + " has no path over " + adapter));
    }

    /** Bytes the team has moved over its path through {@code adapter} since the path joined. */
    static long bytesOver(Team team, String adapter) {
        PathInfo path = pathOver(team, adapter);
        return path.bytesRead() + path.bytesWritten();
    }

    /** Bytes the team has moved over all its paths. */
    static long bytesTotal(Team team) {
        return team.paths().stream().mapToLong(p -> p.bytesRead() + p.bytesWritten()).sum();
    }

    List<Sample> samples() {
        return samples;
    }

    /**
     * How many times the shares moved (sampled several times per TimerInterval, so each tick that moved a
     * share counts once).
     */
    int shareMoves() {
        int moves = 0;
        for (int i = 1; i < samples.size(); i++) {
            Sample a = samples.get(i - 1);
            Sample b = samples.get(i);
            if (Math.abs(a.readShare() - b.readShare()) > MOVE_EPSILON
                    || Math.abs(a.writeShare() - b.writeShare()) > MOVE_EPSILON) {
                moves++;
            }
        }
        return moves;
    }

    /** The last sample: the shares at the end of the trace. */
    Sample last() {
        return samples.get(samples.size() - 1);
    }

    /**
     * Throughput per bucket of {@code bucketMs} (MB/s, 10^6 bytes), for the team ({@code other} false) or the
     * other team.
     */
    List<Double> bucketMBps(long bucketMs, boolean other) {
        List<Double> rates = new ArrayList<>();
        Sample from = samples.get(0);
        for (Sample s : samples) {
            if (s.millis() - from.millis() >= bucketMs) {
                long bytes = other ? s.otherBytes() - from.otherBytes() : s.bytes() - from.bytes();
                rates.add(bytes / 1000.0 / (s.millis() - from.millis()));
                from = s;
            }
        }
        return rates;
    }

    /**
     * The number of buckets from the start after which every bucket stays within {@code tolerance} (a
     * fraction) of {@code finalMBps}; -1 when even the last bucket is outside.
     */
    int bucketsToSettle(long bucketMs, double finalMBps, double tolerance) {
        List<Double> rates = bucketMBps(bucketMs, false);
        int settled = rates.size();
        for (int i = rates.size() - 1; i >= 0; i--) {
            if (Math.abs(rates.get(i) - finalMBps) > tolerance * finalMBps) {
                break;
            }
            settled = i;
        }
        return settled == rates.size() ? -1 : settled;
    }
}
