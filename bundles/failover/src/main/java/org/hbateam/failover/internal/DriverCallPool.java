package org.hbateam.failover.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the sweeper's calls into drivers run: sends of released and backed-off commands, the aborts and
 * retries that follow a timeout, probes. The SPI promises that {@code submit}, {@code abort} and
 * {@code probe} return at once, and with such drivers these tasks take microseconds. The pool is the
 * second line of defence: a driver that blocks anyway (a send lock held by a stuck socket write) stalls
 * one of these threads, never the sweeper, so every other team's timeouts, fence deadlines and no-path
 * deadlines are still checked on time. Up to {@link #THREADS} drivers may block before driver calls queue
 * up here; the threads go away when idle.
 */
final class DriverCallPool implements Executor {
    static final int THREADS = 4;

    private final ThreadPoolExecutor executor;

    DriverCallPool() {
        AtomicInteger threads = new AtomicInteger();
        executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "hbateam-failover-driver-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.allowCoreThreadTimeOut(true);
        // After stop, a late task (a driver's callback releasing commands of a closed team) runs where it came
        // from: the teams are closed by then, so it only fails commands, it sends nothing.
        executor.setRejectedExecutionHandler((task, pool) -> task.run());
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(task);
    }

    /** Lets queued tasks finish (they fail commands of closed teams), waiting up to 5 s. */
    void stop() {
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
