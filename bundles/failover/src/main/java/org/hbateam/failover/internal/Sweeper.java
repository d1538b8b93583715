package org.hbateam.failover.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bundle's timer thread, {@code hbateam-failover-sweeper-1}: runs one pass (timeouts, the no-path queue,
 * fence deadlines, target-retry backoffs, probes, failback, dormant teams) at a fixed delay, so passes never
 * overlap. It never calls a driver itself: what a pass starts that reaches a driver runs on the
 * {@link DriverCallPool}, so a driver that blocks cannot delay other teams' deadlines. Rescheduled when the interval
 * changes; on stop, a pass in progress may finish before the teams close under it.
 */
final class Sweeper {
    private final ScheduledExecutorService executor;
    private final Runnable pass;
    private volatile ScheduledFuture<?> scheduled;

    Sweeper(Runnable pass) {
        this.pass = pass;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hbateam-failover-sweeper-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs the pass every {@code intervalMs} from now on, in place of the previous interval. */
    synchronized void every(long intervalMs) {
        ScheduledFuture<?> old = scheduled;
        if (old != null) {
            old.cancel(false);
        }
        scheduled = executor.scheduleWithFixedDelay(pass, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    /** Stops the thread, waiting up to 5 s for a pass in progress. */
    void stop() {
        ScheduledFuture<?> task = scheduled;
        if (task != null) {
            task.cancel(false);
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
