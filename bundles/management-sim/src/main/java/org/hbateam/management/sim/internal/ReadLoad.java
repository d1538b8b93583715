package org.hbateam.management.sim.internal;

import java.nio.ByteBuffer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.hbateam.api.team.Team;
import org.hbateam.api.team.TeamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** At most one background reader for demonstrations; {@link #close()} stops it and waits for its thread. */
final class ReadLoad implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReadLoad.class);
    private static final int CHUNK = 256 * 1024;
    private static final long SPAN = 64L * 1024 * 1024;

    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "hbateam-sim-load"));
    private Future<?> running;

    synchronized void start(Team team, int seconds) {
        if (seconds < 1 || seconds > 3600) {
            throw new IllegalArgumentException("seconds must be 1..3600, was " + seconds);
        }
        stop();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        running = runner.submit(() -> readUntil(team, deadline));
    }

    synchronized void stop() {
        if (running != null) {
            running.cancel(true);
            running = null;
        }
    }

    private static void readUntil(Team team, long deadline) {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        long offset = 0;
        try {
            while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
                buffer.clear();
                team.read(offset, buffer);
                offset = (offset + CHUNK) % SPAN;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TeamException | RuntimeException e) {
            // the demonstration ends where a real application would see the error
            LOG.info("read load on team {} stopped: {}", team.name(), e.getMessage());
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        runner.shutdownNow();
        runner.awaitTermination(5, TimeUnit.SECONDS);
    }
}
