package org.hbateam.test.workload;

import java.nio.ByteBuffer;
import java.util.ArrayList;
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
 * Several threads of mixed reads and writes through a team, each on its own run of blocks of a
 * {@link BlockModel}: a write stamps each block with its next generation, a read checks every byte against the
 * model at once. A thread is the only writer and reader of its blocks, so what it reads was acknowledged before
 * the read was sent. Every command has one outcome, counted: completed, or failed (by exception type, kept).
 */
public final class VerifyingLoad {
    /** How long a command may take before the thread that waits for it counts as hung. */
    public static final long GUARD_SECONDS = 30;

    private final Team team;
    private final BlockModel model;
    private final int maxBlocksPerCommand;
    private final int readPercent;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong issued = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong hung = new AtomicLong();
    private final AtomicLong longestNanos = new AtomicLong();
    private final Map<Class<?>, LongAdder> failuresByType = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Exception> failures = new ConcurrentLinkedQueue<>();
    /** What went wrong, in words: each failed command, each hung thread, each wait that ran out. */
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    /**
     * A load over {@code threadCount * blocksPerThread} blocks from byte {@code baseOffset}, which must hold zeros
     * (generation 0) when it starts; each command reads with probability {@code readPercent} %.
     */
    public VerifyingLoad(Team team, long baseOffset, int threadCount, int blocksPerThread, int maxBlocksPerCommand,
                         int readPercent) throws Exception {
        this.team = team;
        this.model = new BlockModel(baseOffset, team.blockSize(), threadCount, blocksPerThread);
        this.maxBlocksPerCommand = maxBlocksPerCommand;
        this.readPercent = readPercent;
    }

    public void start() {
        running.set(true);
        for (int owner = 0; owner < model.owners(); owner++) {
            int me = owner;
            Thread t = new Thread(() -> run(me), "verifying-load-" + owner);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** Stops the threads after their current command; a thread still waiting after the guard is a problem. */
    public void stop() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(GUARD_SECONDS));
            if (t.isAlive()) {
                hung.incrementAndGet();
                problems.add(t.getName() + " still waits for a command after " + GUARD_SECONDS + " s (lost completion?)");
                t.interrupt();
            }
        }
    }

    /**
     * Waits up to {@code timeoutMillis} until {@code count} more commands completed; whether they did. When they did
     * not, that is also one of the {@link #problems}.
     */
    public boolean awaitMore(long count, long timeoutMillis) throws InterruptedException {
        long target = completed.get() + count;
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (completed.get() < target && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        if (completed.get() < target) {
            problems.add("only " + completed.get() + " of " + target + " commands completed in " + timeoutMillis + " ms");
            return false;
        }
        return true;
    }

    /** {@link #awaitMore(long, long)} with the {@link #GUARD_SECONDS} guard. */
    public boolean awaitMore(long count) throws InterruptedException {
        return awaitMore(count, TimeUnit.SECONDS.toMillis(GUARD_SECONDS));
    }

    private void run(int owner) {
        SplittableRandom random = new SplittableRandom(31L * owner + 7);
        ByteBuffer buffer = ByteBuffer.allocate(maxBlocksPerCommand * model.blockSize());
        while (running.get()) {
            int blocks = 1 + random.nextInt(maxBlocksPerCommand);
            int first = random.nextInt(model.blocksPerOwner() - blocks + 1);
            buffer.clear().limit(blocks * model.blockSize());
            long started = System.nanoTime();
            issued.incrementAndGet();
            try {
                if (random.nextInt(100) < readPercent) {
                    team.read(model.offset(owner, first), buffer);
                    model.check(owner, first, blocks, buffer, "the team during the load");
                } else {
                    model.prepareWrite(owner, first, blocks, buffer);
                    team.write(model.offset(owner, first), buffer);
                    model.acknowledge(owner, first, blocks, buffer);
                }
                completed.incrementAndGet();
                longestNanos.accumulateAndGet(System.nanoTime() - started, Math::max);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failed(e, started);
            }
        }
    }

    private void failed(Exception e, long started) {
        failed.incrementAndGet();
        failuresByType.computeIfAbsent(e.getClass(), type -> new LongAdder()).increment();
        failures.add(e);
        problems.add(Thread.currentThread().getName() + " after "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms: " + e);
    }

    /** Reads every block back through {@code reader}; returns the blocks that are stale or corrupt. */
    public long verify(BlockModel.Reader reader, String source) throws Exception {
        return model.verify(reader, source);
    }

    /** Reads the whole run of blocks of thread {@code owner} in one call of {@code reader}; returns the blocks that are wrong. */
    public long verifyOwner(int owner, BlockModel.Reader reader, String source) throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(model.blocksPerOwner() * model.blockSize());
        reader.read(model.offset(owner, 0), buffer);
        return model.check(owner, 0, model.blocksPerOwner(), buffer, source);
    }

    public BlockModel model() {
        return model;
    }

    public long issued() {
        return issued.get();
    }

    public long completed() {
        return completed.get();
    }

    /** Commands that failed to the caller. */
    public long failed() {
        return failed.get();
    }

    /** Threads still waiting for a command when {@link #stop} gave up on them. */
    public long hung() {
        return hung.get();
    }

    /** Everything that went wrong for the caller: failed commands and hung threads. */
    public long errors() {
        return failed() + hung();
    }

    /** Blocks read back older than acknowledged: lost or overtaken writes. */
    public long staleBlocks() {
        return model.staleBlocks();
    }

    /** Every block that did not read back as the model allows, stale or corrupt. */
    public long corruptBlocks() {
        return model.staleBlocks() + model.corruptBlocks();
    }

    /** Failed commands whose exception is exactly of {@code type}. */
    public long failuresOf(Class<? extends Exception> type) {
        LongAdder count = failuresByType.get(type);
        return count == null ? 0 : count.sum();
    }

    /** Failed commands by exception type (simple name), sorted. */
    public Map<String, Long> failuresByType() {
        Map<String, Long> byName = new TreeMap<>();
        failuresByType.forEach((type, count) -> byName.put(type.getSimpleName(), count.sum()));
        return byName;
    }

    /** Every exception a failed command raised, in the order they were seen. */
    public List<Exception> failures() {
        return new ArrayList<>(failures);
    }

    /** Each failed command, hung thread, wait that ran out, and (the first 20 of) each block read back wrong, in words. */
    public List<String> problems() {
        List<String> all = new ArrayList<>(problems);
        all.addAll(model.firstProblems(20));
        return all;
    }

    public String summary() {
        List<String> first = new ArrayList<>(problems);
        return "issued=" + issued() + " completed=" + completed() + " failed=" + failed() + " " + failuresByType()
                + " hung=" + hung()
                + " staleBlocks=" + model.staleBlocks() + " corruptBlocks=" + model.corruptBlocks()
                + " longestCommandMs=" + TimeUnit.NANOSECONDS.toMillis(longestNanos.get())
                + (first.isEmpty() ? "" : " problemsSeen=" + first.subList(0, Math.min(5, first.size())))
                + (model.firstProblems(1).isEmpty() ? "" : " blocksSeen=" + model.firstProblems(3));
    }
}
