package org.hbateam.shell.internal.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.hbateam.api.team.Team;
import org.hbateam.load.LoadSpec;
import org.hbateam.load.QueueDepthLoop;
import org.hbateam.load.Sink;

/**
 * Drives one workload against a team with the shared {@link QueueDepthLoop}: {@code queueDepth} slots, each with
 * its own buffer, each submitting its next command when the previous one completes, until {@link #stop()}, at
 * random offsets of the scratch region at the end of the LU. Latencies go into a wait-free HdrHistogram
 * {@link Recorder}. The next command of a slot is issued from a single issuing thread, so a driver completing
 * inline never recurses into submit.
 */
public final class BenchRun implements AutoCloseable {
    /** Latencies above this (10 minutes) are recorded as this. */
    private static final long MAX_LATENCY_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final Recorder latencies = new Recorder(MAX_LATENCY_NANOS, 3);
    private final ExecutorService issuer;
    private final QueueDepthLoop loop;

    /**
     * @param team        the team to drive
     * @param spec        the workload
     * @param blockSize   the team's logical block size
     * @param capacity    the team's capacity in bytes; the region is its last {@code spec.regionBytes()}
     */
    public BenchRun(Team team, BenchSpec spec, int blockSize, long capacity) {
        if (spec.ioBytes() % blockSize != 0) {
            throw new IllegalArgumentException("--size: " + spec.ioBytes() + " bytes is not a multiple of the block size " + blockSize);
        }
        long region = Math.min(spec.regionBytes(), capacity);
        if (region < spec.ioBytes()) {
            throw new IllegalArgumentException("--size: " + spec.ioBytes() + " bytes is larger than the LUN");
        }
        long regionBytes = region / spec.ioBytes() * spec.ioBytes();
        long regionStart = (capacity - regionBytes) / blockSize * blockSize;
        LoadSpec load = new LoadSpec(spec.ioBytes(), spec.queueDepth(), blockSize, regionStart, regionBytes, false,
                LoadSpec.Directions.readPercent(spec.readPercent()), System.nanoTime());
        this.issuer = Executors.newSingleThreadExecutor(r -> new Thread(r, "hbateam-bench-issuer"));
        this.loop = new QueueDepthLoop(Sink.of(team), load, issuer,
                nanos -> latencies.recordValue(Math.min(nanos, MAX_LATENCY_NANOS)));
    }

    /** Fills the queue: one command per slot. */
    public void start() {
        loop.start();
    }

    /** Issues no new commands; those in flight still complete and are counted. */
    public void stop() {
        loop.stop();
    }

    /** Waits up to {@code millis} for the commands in flight to finish; true when none is left. */
    public boolean awaitDrained(long millis) throws InterruptedException {
        return loop.awaitDrained(millis, TimeUnit.MILLISECONDS);
    }

    /** The latencies recorded since the previous call (the caller accumulates them). */
    public Histogram intervalLatencies() {
        return latencies.getIntervalHistogram();
    }

    public long bytesRead() {
        return loop.bytesRead();
    }

    public long bytesWritten() {
        return loop.bytesWritten();
    }

    public long commands() {
        return loop.commands();
    }

    public long errors() {
        return loop.errors();
    }

    public int inFlight() {
        return loop.inFlight();
    }

    /** The last failure seen, or null. */
    public String lastError() {
        return loop.lastError();
    }

    /** Stops issuing and ends the issuing thread. */
    @Override
    public void close() throws InterruptedException {
        loop.stop();
        issuer.shutdownNow();
        issuer.awaitTermination(5, TimeUnit.SECONDS);
    }
}
