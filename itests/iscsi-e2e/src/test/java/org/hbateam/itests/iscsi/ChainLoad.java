package org.hbateam.itests.iscsi;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.team.Team;
import org.hbateam.test.workload.BlockModel;

/**
 * An event-driven load, as an asynchronous application (or the shell's bench) drives a team: no thread of its own,
 * each completion submits its chain's next command from inside the completion callback, on whatever thread the
 * team completes it (a driver's reader thread, typically). Each chain owns its blocks of a {@link BlockModel}.
 * A chain whose command fails records the error and ends, so a broken team cannot recurse without bound.
 */
final class ChainLoad {
    private final Team team;
    private final BlockModel model;
    private final int maxBlocksPerCommand;
    private final AtomicInteger liveChains = new AtomicInteger();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private volatile boolean running;

    ChainLoad(Team team, BlockModel model, int maxBlocksPerCommand) {
        this.team = team;
        this.model = model;
        this.maxBlocksPerCommand = maxBlocksPerCommand;
    }

    /** Starts one chain per owner of the model. */
    void start() {
        running = true;
        for (int owner = 0; owner < model.owners(); owner++) {
            liveChains.incrementAndGet();
            new Chain(owner).next();
        }
    }

    /** Lets every chain finish its command in flight; a chain still running after the guard is an error. */
    void stop() throws InterruptedException {
        running = false;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(E2eAdapter.GUARD_SECONDS);
        while (liveChains.get() > 0 && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        if (liveChains.get() > 0) {
            errors.addAndGet(liveChains.get());
            failures.add(liveChains.get() + " chains still wait for a command " + E2eAdapter.GUARD_SECONDS + " s after the stop");
        }
    }

    /** Waits (hang guard) until {@code count} more commands have completed; returns whether they did. */
    boolean awaitMore(long count) throws InterruptedException {
        long target = completed.get() + count;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(E2eAdapter.GUARD_SECONDS);
        while (completed.get() < target && System.nanoTime() < end && liveChains.get() > 0) {
            Thread.sleep(10);
        }
        return completed.get() >= target;
    }

    long completed() {
        return completed.get();
    }

    long errors() {
        return errors.get();
    }

    String summary() {
        List<String> first = new ArrayList<>(failures);
        return "completed=" + completed() + " errors=" + errors() + " liveChains=" + liveChains.get()
                + " staleBlocks=" + model.staleBlocks() + " corruptBlocks=" + model.corruptBlocks()
                + (first.isEmpty() ? "" : " errorsSeen=" + first.subList(0, Math.min(5, first.size())))
                + (model.firstProblems(1).isEmpty() ? "" : " blocksSeen=" + model.firstProblems(3));
    }

    /** One chain: its own random choices and buffer, one command in flight at a time. */
    private final class Chain {
        private final int owner;
        private final SplittableRandom random;
        private final ByteBuffer buffer;

        Chain(int owner) {
            this.owner = owner;
            this.random = new SplittableRandom(97L * owner + 3);
            this.buffer = ByteBuffer.allocate(maxBlocksPerCommand * model.blockSize());
        }

        void next() {
            if (!running) {
                liveChains.decrementAndGet();
                return;
            }
            int blocks = 1 + random.nextInt(maxBlocksPerCommand);
            int first = random.nextInt(model.blocksPerOwner() - blocks + 1);
            long lba = model.offset(owner, first) / model.blockSize();
            buffer.clear().limit(blocks * model.blockSize());
            // Three writes to one read: the writes' data is what fills a dead link's send buffer.
            boolean write = random.nextInt(4) != 0;
            ScsiCommand command;
            if (write) {
                model.prepareWrite(owner, first, blocks, buffer);
                command = ScsiCommand.write(Cdb.write16(lba, blocks), buffer);
            } else {
                command = ScsiCommand.read(Cdb.read16(lba, blocks), buffer);
            }
            long started = System.nanoTime();
            try {
                team.submit(command).whenComplete((result, error) -> done(write, first, blocks, started, result, error));
            } catch (RuntimeException e) {
                done(write, first, blocks, started, null, e);
            }
        }

        private void done(boolean write, int first, int blocks, long started, ScsiResult result, Throwable error) {
            if (error != null || !result.isGood()) {
                errors.incrementAndGet();
                failures.add("chain " + owner + " after " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
                        + " ms: " + (error != null ? error : result));
                liveChains.decrementAndGet();
                return;
            }
            if (write) {
                model.acknowledge(owner, first, blocks, buffer);
            } else {
                model.check(owner, first, blocks, buffer, "the team during the chained load");
            }
            completed.incrementAndGet();
            next();
        }
    }
}
