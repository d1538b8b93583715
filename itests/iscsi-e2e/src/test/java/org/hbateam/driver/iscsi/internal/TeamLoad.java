package org.hbateam.driver.iscsi.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.hbateam.api.team.Team;

/**
 * Several threads of mixed reads and writes through a team, each on its own run of blocks of a
 * {@link BlockModel}: a write stamps each block with its next generation, a read checks every byte against the
 * model at once. A thread is the only writer and reader of its blocks, so what it reads was acknowledged before
 * the read was sent.
 */
final class TeamLoad {
    private final Team team;
    private final BlockModel model;
    private final int maxBlocksPerCommand;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong longestNanos = new AtomicLong();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    /**
     * A load over {@code threadCount * blocksPerThread} blocks starting at byte {@code baseOffset}, which must hold
     * zeros (generation 0) when it starts.
     */
    TeamLoad(Team team, long baseOffset, int threadCount, int blocksPerThread, int maxBlocksPerCommand) throws Exception {
        this.team = team;
        this.model = new BlockModel(baseOffset, team.blockSize(), threadCount, blocksPerThread);
        this.maxBlocksPerCommand = maxBlocksPerCommand;
    }

    void start() {
        running.set(true);
        for (int owner = 0; owner < model.owners(); owner++) {
            int me = owner;
            Thread t = new Thread(() -> run(me), "team-load-" + owner);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** Stops the threads after their current command; a thread still stuck after the guard is a problem. */
    void stop() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(E2eAdapter.GUARD_SECONDS));
            if (t.isAlive()) {
                errors.incrementAndGet();
                failures.add(t.getName() + " still waits for a command after " + E2eAdapter.GUARD_SECONDS + " s");
                t.interrupt();
            }
        }
    }

    /** Waits (hang guard) until {@code count} more commands have completed; returns whether they did. */
    boolean awaitMore(long count) throws InterruptedException {
        long target = completed.get() + count;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(E2eAdapter.GUARD_SECONDS);
        while (completed.get() < target && System.nanoTime() < end && errors.get() == 0) {
            Thread.sleep(10);
        }
        return completed.get() >= target;
    }

    private void run(int owner) {
        SplittableRandom random = new SplittableRandom(31L * owner + 7);
        ByteBuffer buffer = ByteBuffer.allocate(maxBlocksPerCommand * model.blockSize());
        while (running.get()) {
            int blocks = 1 + random.nextInt(maxBlocksPerCommand);
            int first = random.nextInt(model.blocksPerOwner() - blocks + 1);
            buffer.clear().limit(blocks * model.blockSize());
            long started = System.nanoTime();
            try {
                if (random.nextBoolean()) {
                    model.prepareWrite(owner, first, blocks, buffer);
                    team.write(model.offset(owner, first), buffer);
                    model.acknowledge(owner, first, blocks, buffer);
                } else {
                    team.read(model.offset(owner, first), buffer);
                    model.check(owner, first, blocks, buffer, "the team during the load");
                }
                completed.incrementAndGet();
                longestNanos.accumulateAndGet(System.nanoTime() - started, Math::max);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                errors.incrementAndGet();
                failures.add(Thread.currentThread().getName() + " after "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms: " + e);
            }
        }
    }

    /** Reads every block back through {@code reader}; returns the blocks that are stale or corrupt. */
    long verify(BlockModel.Reader reader, String source) throws Exception {
        return model.verify(reader, source);
    }

    /** Reads the whole run of blocks of thread {@code owner} in one call of {@code reader}; returns the blocks that are wrong. */
    long verifyOwner(int owner, BlockModel.Reader reader, String source) throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(model.blocksPerOwner() * model.blockSize());
        reader.read(model.offset(owner, 0), buffer);
        return model.check(owner, 0, model.blocksPerOwner(), buffer, source);
    }

    BlockModel model() {
        return model;
    }

    long completed() {
        return completed.get();
    }

    long errors() {
        return errors.get();
    }

    /** Blocks read back older than acknowledged: lost or overtaken writes. */
    long staleBlocks() {
        return model.staleBlocks();
    }

    /** Every block that did not read back as the model allows, stale or corrupt. */
    long corruptBlocks() {
        return model.staleBlocks() + model.corruptBlocks();
    }

    String summary() {
        List<String> first = new ArrayList<>(failures);
        return "completed=" + completed() + " errors=" + errors() + " staleBlocks=" + model.staleBlocks()
                + " corruptBlocks=" + model.corruptBlocks()
                + " longestCommandMs=" + TimeUnit.NANOSECONDS.toMillis(longestNanos.get())
                + (first.isEmpty() ? "" : " errorsSeen=" + first.subList(0, Math.min(5, first.size())))
                + (model.firstProblems(1).isEmpty() ? "" : " blocksSeen=" + model.firstProblems(3));
    }
}
