package org.hbateam.shell.internal.bench;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.team.Team;

/**
 * Drives one workload against a team: {@code queueDepth} slots, each with its own buffer, each submitting its
 * next command when the previous one completes, until {@link #stop()}. Latencies go into a wait-free HdrHistogram
 * {@link Recorder}; byte and command counts into atomics. The next command of a slot is issued from a single
 * issuing thread, so a driver completing inline never recurses into submit.
 */
public final class BenchRun implements AutoCloseable {
    /** Latencies above this (10 minutes) are recorded as this. */
    private static final long MAX_LATENCY_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final Team team;
    private final BenchSpec spec;
    private final long regionStart;
    private final long slotsInRegion;
    private final int blockSize;
    private final Recorder latencies = new Recorder(MAX_LATENCY_NANOS, 3);
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong bytesWritten = new AtomicLong();
    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ExecutorService issuer;
    private volatile boolean running;
    private volatile String lastError;

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
        this.team = team;
        this.spec = spec;
        this.blockSize = blockSize;
        this.slotsInRegion = region / spec.ioBytes();
        this.regionStart = (capacity - slotsInRegion * spec.ioBytes()) / blockSize * blockSize;
        this.issuer = Executors.newSingleThreadExecutor(r -> new Thread(r, "hbateam-bench-issuer"));
    }

    /** Fills the queue: one command per slot. */
    public void start() {
        running = true;
        for (int slot = 0; slot < spec.queueDepth(); slot++) {
            Slot s = new Slot(slot);
            issuer.execute(s::issue);
        }
    }

    /** Issues no new commands; those in flight still complete and are counted. */
    public void stop() {
        running = false;
    }

    /** Waits up to {@code millis} for the commands in flight to finish; true when none is left. */
    public boolean awaitDrained(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return inFlight.get() == 0;
    }

    /** The latencies recorded since the previous call (the caller accumulates them). */
    public Histogram intervalLatencies() {
        return latencies.getIntervalHistogram();
    }

    public long bytesRead() {
        return bytesRead.get();
    }

    public long bytesWritten() {
        return bytesWritten.get();
    }

    public long commands() {
        return commands.get();
    }

    public long errors() {
        return errors.get();
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** The last failure seen, or null. */
    public String lastError() {
        return lastError;
    }

    /** Stops issuing and ends the issuing thread. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        issuer.shutdownNow();
        issuer.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** One queue slot: its buffer, its random offsets, its command in flight. */
    private final class Slot {
        private final ByteBuffer buffer;
        private final SplittableRandom random;

        Slot(int index) {
            buffer = ByteBuffer.allocate(spec.ioBytes());
            random = new SplittableRandom(index * 0x9E3779B97F4A7C15L + System.nanoTime());
        }

        void issue() {
            if (!running) {
                return;
            }
            boolean read = random.nextInt(100) < spec.readPercent();
            long offset = regionStart + random.nextLong(slotsInRegion) * spec.ioBytes();
            long lba = offset / blockSize;
            int blocks = spec.ioBytes() / blockSize;
            buffer.clear();
            ScsiCommand command = read ? ScsiCommand.read(Cdb.read16(lba, blocks), buffer)
                    : ScsiCommand.write(Cdb.write16(lba, blocks), buffer);
            long startNanos = System.nanoTime();
            inFlight.incrementAndGet();
            CompletionStage<ScsiResult> outcome;
            try {
                outcome = team.submit(command);
            } catch (RuntimeException e) {
                finished(read, startNanos, null, e);
                return;
            }
            outcome.whenComplete((result, failure) -> finished(read, startNanos, result, failure));
        }

        private void finished(boolean read, long startNanos, ScsiResult result, Throwable failure) {
            latencies.recordValue(Math.min(System.nanoTime() - startNanos, MAX_LATENCY_NANOS));
            if (failure != null || !result.isGood()) {
                errors.incrementAndGet();
                lastError = failure != null ? String.valueOf(failure.getMessage()) : result.toString();
            } else {
                commands.incrementAndGet();
                (read ? bytesRead : bytesWritten).addAndGet(spec.ioBytes());
            }
            inFlight.decrementAndGet();
            if (running) {
                try {
                    issuer.execute(this::issue);
                } catch (RejectedExecutionException closed) {
                    // the run was closed while this command was in flight
                }
            }
        }
    }
}
