package org.hbateam.load;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.Direction;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;

/**
 * Keeps a fixed number of commands in flight ({@link LoadSpec#depth}): each {@link LoadSlot} owns one reused
 * buffer and sends its next command when the previous one completes, until {@link #stop} or the run's time is up.
 * The next command goes out from the completing thread (the driver's, with no hand-off), or through an issuer
 * when one is given, so that a sink completing inline never recurses into submit. A failed command or a status
 * other than GOOD is counted and its slot carries on.
 */
public final class QueueDepthLoop {
    private static final long UNBOUNDED_NANOS = Long.MAX_VALUE / 4;
    /** How long the last commands may take after the end of a run before the run fails. */
    private static final long DRAIN_SECONDS = 60;

    private final Sink sink;
    private final LoadSpec spec;
    private final Executor issuer;
    private final LongConsumer latencyNanos;
    private final List<LoadSlot> slots;
    private final AtomicLong nextSequentialOffset = new AtomicLong();
    private final LongAdder bytesRead = new LongAdder();
    private final LongAdder bytesWritten = new LongAdder();
    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong lastCompletionNanos = new AtomicLong();
    private volatile String firstError;
    private volatile String lastError;
    private volatile long startNanos;
    private volatile long stopAtNanos;
    private volatile CountDownLatch drained;

    /** A loop that sends each next command from the completing thread and records no latencies. */
    public QueueDepthLoop(Sink sink, LoadSpec spec) {
        this(sink, spec, Runnable::run, nanos -> { });
    }

    /**
     * @param issuer       runs each slot's next submission (for example one thread); {@code Runnable::run} for
     *                     the completing thread
     * @param latencyNanos gets every command's latency, from the completing thread; it must not block
     */
    public QueueDepthLoop(Sink sink, LoadSpec spec, Executor issuer, LongConsumer latencyNanos) {
        this.sink = sink;
        this.spec = spec;
        this.issuer = issuer;
        this.latencyNanos = latencyNanos;
        this.slots = IntStream.range(0, spec.depth()).mapToObj(i -> new LoadSlot(i, spec.ioBytes(),
                new SplittableRandom(spec.seed() + i * 0x9E3779B97F4A7C15L))).toList();
    }

    /** Starts every slot; they run until {@link #stop}. */
    public void start() {
        start(UNBOUNDED_NANOS);
    }

    /** Starts every slot; they run until {@link #stop} or for {@code maxNanos}. */
    public void start(long maxNanos) {
        drained = new CountDownLatch(slots.size());
        startNanos = System.nanoTime();
        stopAtNanos = startNanos + maxNanos;
        slots.forEach(slot -> issuer.execute(() -> submitNext(slot)));
    }

    /** Runs for {@code seconds}, waits for the last commands, and returns what completed. */
    public LoadResult run(double seconds) throws InterruptedException {
        start((long) (seconds * 1e9));
        awaitEnd();
        return result();
    }

    /** Asks the slots to send nothing more; the commands in flight still complete and are counted. */
    public void stop() {
        stopAtNanos = System.nanoTime();
    }

    /** Stops and waits for every slot's last command; one still out after 60 s fails the run. */
    public void stopAndDrain() throws InterruptedException {
        stop();
        awaitEnd();
    }

    private void awaitEnd() throws InterruptedException {
        if (!awaitDrained(DRAIN_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException(inFlight() + " commands still in flight " + DRAIN_SECONDS + " s after the end of the run");
        }
    }

    /** Waits up to {@code timeout} after the end of the run for every slot's last command; true when none is left. */
    public boolean awaitDrained(long timeout, TimeUnit unit) throws InterruptedException {
        long untilEnd = Math.max(0, stopAtNanos - System.nanoTime());
        return drained.await(untilEnd + unit.toNanos(timeout), TimeUnit.NANOSECONDS);
    }

    /** What completed so far; the seconds run from the start to the last completion. */
    public LoadResult result() {
        return new LoadResult(bytesRead.sum(), bytesWritten.sum(), commands.get(), errors.get(),
                Math.max(0, lastCompletionNanos.get() - startNanos) / 1e9, firstError);
    }

    public long bytesRead() {
        return bytesRead.sum();
    }

    public long bytesWritten() {
        return bytesWritten.sum();
    }

    /** Commands that completed GOOD. */
    public long commands() {
        return commands.get();
    }

    /** Commands that failed or completed with another status. */
    public long errors() {
        return errors.get();
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** The most recent failure's message (or the status it completed with), or null. */
    public String lastError() {
        return lastError;
    }

    /** The slots, for watching the commands they have outstanding. */
    public List<LoadSlot> slots() {
        return slots;
    }

    private void submitNext(LoadSlot slot) {
        if (System.nanoTime() - stopAtNanos >= 0) {
            drained.countDown();
            return;
        }
        long offset = spec.regionStart() + nextOffsetInRegion(slot);
        long lba = offset / spec.blockSize();
        int blocks = spec.ioBytes() / spec.blockSize();
        boolean read = spec.directions().next(slot.index(), slot.random()) == Direction.READ;
        slot.buffer().clear();
        ScsiCommand command = read ? ScsiCommand.read(Cdb.read16(lba, blocks), slot.buffer())
                : ScsiCommand.write(Cdb.write16(lba, blocks), slot.buffer());
        long started = System.nanoTime();
        inFlight.incrementAndGet();
        slot.submitting();
        try {
            sink.submit(command, (result, failure) -> completed(slot, read, started, result, failure));
        } catch (RuntimeException e) {
            completed(slot, read, started, null, e);
        }
    }

    private long nextOffsetInRegion(LoadSlot slot) {
        long command = spec.sequential() ? nextSequentialOffset.getAndIncrement() % spec.commandsInRegion()
                : slot.random().nextLong(spec.commandsInRegion());
        return command * spec.ioBytes();
    }

    private void completed(LoadSlot slot, boolean read, long started, ScsiResult result, Throwable failure) {
        long now = System.nanoTime();
        latencyNanos.accept(now - started);
        lastCompletionNanos.set(now);
        if (failure == null && result != null && result.isGood()) {
            commands.incrementAndGet();
            (read ? bytesRead : bytesWritten).add(spec.ioBytes());
        } else {
            errors.incrementAndGet();
            lastError = failure == null ? String.valueOf(result)
                    : failure.getMessage() != null ? failure.getMessage() : failure.toString();
            if (firstError == null) {
                firstError = lastError;
            }
        }
        inFlight.decrementAndGet();
        slot.completed(now);
        try {
            issuer.execute(() -> submitNext(slot));
        } catch (RejectedExecutionException closed) {
            drained.countDown(); // the issuer was shut down while this command was in flight
        }
    }
}
