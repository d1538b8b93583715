package org.hbateam.itests.felix;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.hbateam.api.team.Team;

/**
 * Concurrent mixed reads and writes through a team, with a model of what every block must hold.
 * Each thread owns its own run of blocks, so the expected content is known without locking: a block holds
 * the pattern of the last write that completed on it. Reads made during the run are checked against the
 * model at once; {@link #verify} re-reads everything at the end. A write that failed may or may not have
 * reached the medium (SCSI leaves it undefined), so until the next good write its blocks may hold either the
 * old or the failed generation. Failures are counted by exception type, with their messages kept.
 */
final class Workload {
    private final Team team;
    private final int blockSize;
    private final int threads;
    private final int blocksPerThread;
    private final int maxBlocksPerIo;
    private final double readFraction;
    private final long[][] generation;
    /** Per block: the generation of a write that failed since the last good one, else 0. */
    private final long[][] maybe;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong issued = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong corrupt = new AtomicLong();
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    private final Map<Class<?>, LongAdder> failuresByType = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Exception> failures = new ConcurrentLinkedQueue<>();
    private final List<Thread> workers = new ArrayList<>();

    Workload(Team team, int threads, int blocksPerThread, int maxBlocksPerIo, double readFraction) throws Exception {
        this.team = team;
        this.blockSize = team.blockSize();
        this.threads = threads;
        this.blocksPerThread = blocksPerThread;
        this.maxBlocksPerIo = maxBlocksPerIo;
        this.readFraction = readFraction;
        this.generation = new long[threads][blocksPerThread];
        this.maybe = new long[threads][blocksPerThread];
    }

    void start() {
        running.set(true);
        for (int t = 0; t < threads; t++) {
            int owner = t;
            Thread worker = new Thread(() -> loop(owner), "workload-" + t);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /** Stops the threads and waits for their last command. */
    void stop() throws InterruptedException {
        running.set(false);
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(60));
            if (worker.isAlive()) {
                problems.add(worker.getName() + " did not finish its last command within 60 s (lost completion?)");
            }
        }
    }

    /** Waits until at least {@code count} more commands have completed. */
    void awaitCompleted(long count, long timeoutMillis) throws InterruptedException {
        long target = completed.get() + count;
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (completed.get() < target && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        if (completed.get() < target) {
            problems.add("only " + completed.get() + " of " + target + " commands completed in " + timeoutMillis + " ms");
        }
    }

    private void loop(int owner) {
        SplittableRandom random = new SplittableRandom(owner * 7919L + 1);
        ByteBuffer buffer = ByteBuffer.allocate(maxBlocksPerIo * blockSize);
        while (running.get()) {
            int blocks = 1 + random.nextInt(maxBlocksPerIo);
            int first = random.nextInt(blocksPerThread - blocks + 1);
            issued.incrementAndGet();
            try {
                if (random.nextDouble() < readFraction) {
                    readAndCheck(owner, first, blocks, buffer);
                } else {
                    write(owner, first, blocks, buffer);
                }
                completed.incrementAndGet();
            } catch (Exception e) {
                failed.incrementAndGet();
                failuresByType.computeIfAbsent(e.getClass(), type -> new LongAdder()).increment();
                failures.add(e);
                problems.add(Thread.currentThread().getName() + ": " + e);
            }
        }
    }

    private void write(int owner, int first, int blocks, ByteBuffer buffer) throws Exception {
        buffer.clear().limit(blocks * blockSize);
        long[] next = new long[blocks];
        for (int i = 0; i < blocks; i++) {
            next[i] = generation[owner][first + i] + 1;
            fill(buffer, i * blockSize, owner, first + i, next[i]);
        }
        try {
            team.write(offset(owner, first), buffer);
        } catch (Exception e) {
            System.arraycopy(next, 0, maybe[owner], first, blocks);
            throw e;
        }
        System.arraycopy(next, 0, generation[owner], first, blocks);
        Arrays.fill(maybe[owner], first, first + blocks, 0L);
    }

    private void readAndCheck(int owner, int first, int blocks, ByteBuffer buffer) throws Exception {
        buffer.clear().limit(blocks * blockSize);
        team.read(offset(owner, first), buffer);
        for (int i = 0; i < blocks; i++) {
            checkBlock(buffer, i * blockSize, owner, first + i);
        }
    }

    /** Re-reads every block of every thread through {@code reader} and counts blocks that differ from the model. */
    long verify(BlockReader reader) throws Exception {
        long bad = 0;
        ByteBuffer buffer = ByteBuffer.allocate(blockSize * 64);
        for (int owner = 0; owner < threads; owner++) {
            for (int first = 0; first < blocksPerThread; first += 64) {
                int blocks = Math.min(64, blocksPerThread - first);
                buffer.clear().limit(blocks * blockSize);
                reader.read(offset(owner, first), buffer);
                for (int i = 0; i < blocks; i++) {
                    bad += checkBlock(buffer, i * blockSize, owner, first + i) ? 0 : 1;
                }
            }
        }
        return bad;
    }

    private boolean checkBlock(ByteBuffer buffer, int at, int owner, int block) {
        long expected = generation[owner][block];
        long failedWrite = maybe[owner][block];
        if (holds(buffer, at, owner, block, expected) || (failedWrite != 0 && holds(buffer, at, owner, block, failedWrite))) {
            return true;
        }
        corrupt.incrementAndGet();
        problems.add("block " + block + " of thread " + owner + " holds neither generation " + expected
                + (failedWrite != 0 ? " nor the failed write's " + failedWrite : ""));
        return false;
    }

    private boolean holds(ByteBuffer buffer, int at, int owner, int block, long gen) {
        for (int i = 0; i < blockSize; i += 8) {
            if (buffer.getLong(at + i) != word(owner, block, gen, i)) {
                return false;
            }
        }
        return true;
    }

    private void fill(ByteBuffer buffer, int at, int owner, int block, long gen) {
        for (int i = 0; i < blockSize; i += 8) {
            buffer.putLong(at + i, word(owner, block, gen, i));
        }
    }

    /** Generation 0 is what a fresh LUN holds: zeros. Any later generation is a unique, position-dependent word. */
    private static long word(int owner, int block, long gen, int byteOffset) {
        if (gen == 0) {
            return 0L;
        }
        return (gen << 40) ^ ((long) owner << 32) ^ ((long) block << 12) ^ byteOffset ^ 0x5DEECE66DL;
    }

    private long offset(int owner, int block) {
        return ((long) owner * blocksPerThread + block) * blockSize;
    }

    long issued() {
        return issued.get();
    }

    long completed() {
        return completed.get();
    }

    long failed() {
        return failed.get();
    }

    long corrupt() {
        return corrupt.get();
    }

    /** Failed commands whose exception is exactly of {@code type}. */
    long failuresOf(Class<? extends Exception> type) {
        LongAdder count = failuresByType.get(type);
        return count == null ? 0 : count.sum();
    }

    /** Failed commands by exception type (simple name), sorted. */
    Map<String, Long> failuresByType() {
        Map<String, Long> byName = new TreeMap<>();
        failuresByType.forEach((type, count) -> byName.put(type.getSimpleName(), count.sum()));
        return byName;
    }

    /** Every exception a failed command raised, in the order they were seen. */
    List<Exception> failures() {
        return new ArrayList<>(failures);
    }

    List<String> problems() {
        return new ArrayList<>(problems);
    }

    String summary() {
        return "issued=" + issued() + " completed=" + completed() + " failed=" + failed() + " " + failuresByType()
                + " corrupt=" + corrupt()
                + (problems.isEmpty() ? "" : " first problems=" + problems().subList(0, Math.min(5, problems.size())));
    }

    /** Reads bytes at an offset, through a team or through one path directly. */
    interface BlockReader {
        void read(long offset, ByteBuffer dst) throws Exception;
    }
}
