package org.hbateam.benchmarks.failover;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.hbateam.api.team.Team;

/**
 * Closed-loop load on a team: each thread keeps one 8 KiB command outstanding, 70 % writes and 30 % reads at
 * random block-aligned offsets in the first 16 MiB. Counts what the application saw fail.
 */
final class SimLoad implements AutoCloseable {
    private static final int IO_BYTES = 8192;
    private static final long SPAN_BYTES = 16L << 20;

    private final Team team;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();

    SimLoad(Team team, int threadCount) {
        this.team = team;
        for (int i = 0; i < threadCount; i++) {
            long seed = 31L * i + 7;
            Thread thread = new Thread(() -> loop(seed), "failover-sim-load-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void loop(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ByteBuffer buffer = ByteBuffer.allocate(IO_BYTES);
        while (running.get()) {
            long offset = random.nextLong(SPAN_BYTES / IO_BYTES) * IO_BYTES;
            buffer.clear();
            try {
                if (random.nextInt(10) < 3) {
                    team.read(offset, buffer);
                } else {
                    team.write(offset, buffer);
                }
                completed.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failed.incrementAndGet();
            }
        }
    }

    long completed() {
        return completed.get();
    }

    long failed() {
        return failed.get();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(60_000);
        }
    }
}
