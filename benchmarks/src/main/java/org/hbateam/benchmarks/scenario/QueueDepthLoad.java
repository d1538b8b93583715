package org.hbateam.benchmarks.scenario;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.team.Team;

/**
 * Keeps a fixed number of commands in flight on one team through its asynchronous {@link Team#submit}: each
 * of {@code queueDepth} slots sends a 128 KiB read or write at a random aligned offset and, when it completes,
 * sends the next. Completed bytes are counted per direction; a failed command or an error status is counted
 * and the slot carries on (the scenarios expect none).
 */
final class QueueDepthLoad {
    static final int COMMAND_BYTES = 128 * 1024;
    private static final int BLOCK_SIZE = 512;

    private final Team team;
    private final int queueDepth;
    private final double readFraction;
    private final long commandsInLun;
    private final LongAdder readBytes = new LongAdder();
    private final LongAdder writeBytes = new LongAdder();
    private final AtomicLong errors = new AtomicLong();
    private volatile boolean running;
    private volatile CountDownLatch drained;

    QueueDepthLoad(Team team, int queueDepth, double readFraction, long lunBytes) {
        this.team = team;
        this.queueDepth = queueDepth;
        this.readFraction = readFraction;
        this.commandsInLun = lunBytes / COMMAND_BYTES;
    }

    void start() {
        running = true;
        drained = new CountDownLatch(queueDepth);
        for (int slot = 0; slot < queueDepth; slot++) {
            Slot s = new Slot(new SplittableRandom(team.name().hashCode() * 31L + slot));
            s.next();
        }
    }

    /** Stops sending and waits until every slot's last command has completed. */
    void stop() throws InterruptedException {
        running = false;
        if (!drained.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("team " + team.name() + ": commands still in flight 60 s after stop");
        }
    }

    /** Bytes read and written by completed commands since the start. */
    long completedBytes() {
        return readBytes.sum() + writeBytes.sum();
    }

    long errors() {
        return errors.get();
    }

    /** One command in flight at a time; its buffer is reused, as a real initiator's would be. */
    private final class Slot {
        private final SplittableRandom random;
        private final ByteBuffer buffer = ByteBuffer.allocate(COMMAND_BYTES);

        Slot(SplittableRandom random) {
            this.random = random;
        }

        void next() {
            if (!running) {
                drained.countDown();
                return;
            }
            long lba = random.nextLong(commandsInLun) * (COMMAND_BYTES / BLOCK_SIZE);
            int blocks = COMMAND_BYTES / BLOCK_SIZE;
            boolean read = random.nextDouble() < readFraction;
            buffer.clear();
            ScsiCommand command = read ? ScsiCommand.read(Cdb.read16(lba, blocks), buffer)
                    : ScsiCommand.write(Cdb.write16(lba, blocks), buffer);
            team.submit(command).whenComplete((result, failure) -> completed(read, result, failure));
        }

        private void completed(boolean read, ScsiResult result, Throwable failure) {
            if (failure != null || result == null || !result.isGood()) {
                errors.incrementAndGet();
            } else {
                (read ? readBytes : writeBytes).add(COMMAND_BYTES);
            }
            next();
        }
    }
}
