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
 * Several threads of mixed reads and writes through a team, each on its own run of blocks, with a model of
 * the generation every block holds: a write stamps each block with its next generation (a position-dependent
 * pattern), a read checks every byte against the model at once. Nothing is locked: a thread is the only
 * writer and reader of its blocks, so the model of a block changes only after its write completed.
 */
final class TeamLoad {
    /** Reads blocks at a byte offset, through a team, one path directly, or libiscsi. */
    interface Reader {
        void read(long offset, ByteBuffer dst) throws Exception;
    }

    private final Team team;
    private final int blockSize;
    private final long baseOffset;
    private final int blocksPerThread;
    private final int maxBlocksPerCommand;
    private final long[][] generations;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong corruptBlocks = new AtomicLong();
    private final AtomicLong longestNanos = new AtomicLong();
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    /**
     * A load over {@code threadCount * blocksPerThread} blocks starting at byte {@code baseOffset}, which must hold
     * zeros (generation 0) when it starts.
     */
    TeamLoad(Team team, long baseOffset, int threadCount, int blocksPerThread, int maxBlocksPerCommand) throws Exception {
        this.team = team;
        this.baseOffset = baseOffset;
        this.blockSize = team.blockSize();
        this.blocksPerThread = blocksPerThread;
        this.maxBlocksPerCommand = maxBlocksPerCommand;
        this.generations = new long[threadCount][blocksPerThread];
    }

    void start() {
        running.set(true);
        for (int owner = 0; owner < generations.length; owner++) {
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
                problems.add(t.getName() + " still waits for a command after " + E2eAdapter.GUARD_SECONDS + " s");
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
        ByteBuffer buffer = ByteBuffer.allocate(maxBlocksPerCommand * blockSize);
        while (running.get()) {
            int blocks = 1 + random.nextInt(maxBlocksPerCommand);
            int first = random.nextInt(blocksPerThread - blocks + 1);
            buffer.clear().limit(blocks * blockSize);
            long started = System.nanoTime();
            try {
                if (random.nextBoolean()) {
                    write(owner, first, blocks, buffer);
                } else {
                    team.read(offset(owner, first), buffer);
                    checkAll(owner, first, blocks, buffer);
                }
                completed.incrementAndGet();
                longestNanos.accumulateAndGet(System.nanoTime() - started, Math::max);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                errors.incrementAndGet();
                problems.add(Thread.currentThread().getName() + ": " + e);
            }
        }
    }

    private void write(int owner, int first, int blocks, ByteBuffer buffer) throws Exception {
        for (int i = 0; i < blocks; i++) {
            fill(buffer, i * blockSize, owner, first + i, generations[owner][first + i] + 1);
        }
        team.write(offset(owner, first), buffer);
        for (int i = 0; i < blocks; i++) {
            generations[owner][first + i]++;
        }
    }

    /** Reads every block of every thread through {@code reader} in 64-block pieces; returns the blocks that differ. */
    long verify(Reader reader) throws Exception {
        long bad = 0;
        ByteBuffer buffer = ByteBuffer.allocate(64 * blockSize);
        for (int owner = 0; owner < generations.length; owner++) {
            for (int first = 0; first < blocksPerThread; first += 64) {
                int blocks = Math.min(64, blocksPerThread - first);
                buffer.clear().limit(blocks * blockSize);
                reader.read(offset(owner, first), buffer);
                bad += blocks - checkAll(owner, first, blocks, buffer);
            }
        }
        return bad;
    }

    /** Reads the whole run of blocks of thread {@code owner} in one call of {@code reader}; returns the blocks that differ. */
    long verifyOwner(int owner, Reader reader) throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(blocksPerThread * blockSize);
        reader.read(offset(owner, 0), buffer);
        return blocksPerThread - checkAll(owner, 0, blocksPerThread, buffer);
    }

    /** Checks a run of blocks of {@code owner} against the model; returns how many are right. */
    int checkAll(int owner, int first, int blocks, ByteBuffer buffer) {
        int good = 0;
        for (int i = 0; i < blocks; i++) {
            good += check(buffer, i * blockSize, owner, first + i) ? 1 : 0;
        }
        return good;
    }

    private boolean check(ByteBuffer buffer, int at, int owner, int block) {
        long generation = generations[owner][block];
        for (int i = 0; i < blockSize; i += 8) {
            if (buffer.getLong(at + i) != word(owner, block, generation, i)) {
                corruptBlocks.incrementAndGet();
                problems.add("thread " + owner + " block " + block + " differs at byte " + i + " from generation " + generation);
                return false;
            }
        }
        return true;
    }

    private void fill(ByteBuffer buffer, int at, int owner, int block, long generation) {
        for (int i = 0; i < blockSize; i += 8) {
            buffer.putLong(at + i, word(owner, block, generation, i));
        }
    }

    /** Generation 0 is a fresh LUN: zeros. Later generations are unique per thread, block, generation and position. */
    private static long word(int owner, int block, long generation, int at) {
        return generation == 0 ? 0L : (generation << 40) ^ ((long) owner << 32) ^ ((long) block << 12) ^ at ^ 0x6A09E667F3BCC909L;
    }

    /** The byte offset of a thread's block on the LUN. */
    long offset(int owner, int block) {
        return baseOffset + ((long) owner * blocksPerThread + block) * blockSize;
    }

    int blockSize() {
        return blockSize;
    }

    long completed() {
        return completed.get();
    }

    long errors() {
        return errors.get();
    }

    long corruptBlocks() {
        return corruptBlocks.get();
    }

    String summary() {
        List<String> first = new ArrayList<>(problems);
        return "completed=" + completed() + " errors=" + errors() + " corruptBlocks=" + corruptBlocks()
                + " longestCommandMs=" + TimeUnit.NANOSECONDS.toMillis(longestNanos.get())
                + (first.isEmpty() ? "" : " problems=" + first.subList(0, Math.min(5, first.size())));
    }
}
