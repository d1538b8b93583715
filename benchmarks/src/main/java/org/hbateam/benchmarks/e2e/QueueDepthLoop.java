package org.hbateam.benchmarks.e2e;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.hbateam.api.path.CommandCallback;
import org.hbateam.api.path.DataPath;
import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.Direction;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.team.Team;

/**
 * Sequential I/O through {@link Team#submit} (or straight through one {@link DataPath}) at a fixed queue depth, like iscsi-perf and the bed's iscsi-bench:
 * each of {@code depth} slots ({@link LoadSlot}) owns one reused buffer and one direction, and each completion
 * submits the slot's next command from the completing thread (the driver's reader), so there is no hand-off
 * between threads. The offset wraps at the end of the LUN. Runs until {@link #stop} or its duration ends.
 */
final class QueueDepthLoop {
    /** The outcome: bytes and commands completed, errors, and the seconds from start to the last completion. */
    record Result(long bytes, long commands, long errors, double seconds, String firstError) {
        double mibPerSecond() {
            return bytes / seconds / (1 << 20);
        }
    }

    /** Where commands go: a team, or one path directly. */
    interface Sink {
        void submit(ScsiCommand command, BiConsumer<ScsiResult, Throwable> done);

        static Sink of(Team team) {
            return (command, done) -> team.submit(command).whenComplete(done);
        }

        static Sink of(DataPath path) {
            return (command, done) -> path.submit(command, new CommandCallback() {
                @Override
                public void completed(ScsiCommand c, ScsiResult result) {
                    done.accept(result, null);
                }

                @Override
                public void failed(ScsiCommand c, PathException error) {
                    done.accept(null, error);
                }
            });
        }
    }

    private final Sink sink;
    private final List<LoadSlot> slots;
    private final int blockBytes;
    private final long lunBytes;
    private final AtomicLong nextOffset = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong lastCompletionNanos = new AtomicLong();
    private volatile String firstError;
    private volatile long stopAtNanos;
    private volatile long startNanos;
    private CountDownLatch drained;

    QueueDepthLoop(Team team, Direction direction, int blockBytes, int depth, long lunBytes) {
        this(Sink.of(team), direction, blockBytes, depth, lunBytes);
    }

    QueueDepthLoop(Sink sink, Direction direction, int blockBytes, int depth, long lunBytes) {
        this(sink, slot -> direction, blockBytes, depth, lunBytes);
    }

    /** A loop whose slot {@code i} (0-based) always goes in direction {@code directionOfSlot(i)}. */
    QueueDepthLoop(Sink sink, IntFunction<Direction> directionOfSlot, int blockBytes, int depth, long lunBytes) {
        this.sink = sink;
        this.slots = IntStream.range(0, depth).mapToObj(i -> new LoadSlot(blockBytes, directionOfSlot.apply(i))).toList();
        this.blockBytes = blockBytes;
        this.lunBytes = lunBytes - lunBytes % blockBytes;
    }

    /** Half the slots write, half read (even slots read), so a fault always catches writes in flight. */
    static QueueDepthLoop mixed(Team team, int blockBytes, int depth, long lunBytes) {
        return new QueueDepthLoop(Sink.of(team), slot -> slot % 2 == 0 ? Direction.READ : Direction.WRITE, blockBytes, depth,
                lunBytes);
    }

    /** Starts the slots; they run until {@link #stop} or for {@code maxNanos}. */
    void start(long maxNanos) {
        drained = new CountDownLatch(slots.size());
        startNanos = System.nanoTime();
        stopAtNanos = startNanos + maxNanos;
        slots.forEach(this::submitNext);
    }

    /** Runs for {@code seconds} and returns what completed. */
    Result run(double seconds) throws InterruptedException {
        start((long) (seconds * 1e9));
        return awaitDrained();
    }

    /** Asks the slots to stop after their current command. */
    void stop() {
        stopAtNanos = System.nanoTime();
    }

    /** Waits for every slot's last command (a stuck command is a failure of the run, reported as such). */
    Result awaitDrained() throws InterruptedException {
        long guard = Math.max(0, stopAtNanos - System.nanoTime()) + TimeUnit.SECONDS.toNanos(60);
        if (!drained.await(guard, TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException("commands did not complete within 60 s of the end of the run");
        }
        return new Result(bytes.get(), commands.get(), errors.get(), (lastCompletionNanos.get() - startNanos) / 1e9, firstError);
    }

    long commandsSoFar() {
        return commands.get();
    }

    long errorsSoFar() {
        return errors.get();
    }

    /** The slots, for watching the commands they have outstanding. */
    List<LoadSlot> slots() {
        return slots;
    }

    private void submitNext(LoadSlot slot) {
        if (System.nanoTime() - stopAtNanos >= 0) {
            drained.countDown();
            return;
        }
        long offset = nextOffset.getAndAdd(blockBytes) % lunBytes;
        long lba = offset / 512;
        int blocks = blockBytes / 512;
        slot.buffer().clear();
        ScsiCommand command = slot.direction() == Direction.READ ? ScsiCommand.read(Cdb.read16(lba, blocks), slot.buffer())
                : ScsiCommand.write(Cdb.write16(lba, blocks), slot.buffer());
        slot.submitting();
        sink.submit(command, (result, error) -> completed(slot, result, error));
    }

    private void completed(LoadSlot slot, ScsiResult result, Throwable error) {
        long now = System.nanoTime();
        lastCompletionNanos.set(now);
        slot.completed(now);
        if (error == null && result.isGood()) {
            bytes.addAndGet(blockBytes);
            commands.incrementAndGet();
        } else {
            errors.incrementAndGet();
            if (firstError == null) {
                firstError = error != null ? error.toString() : result.toString();
            }
        }
        submitNext(slot);
    }
}
