package org.hbateam.driver.sim.internal.model;

import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread of a simulated adapter: runs the adapter's step whenever it is woken and whenever the earliest
 * due time passes, and parks in between. Driven with park/unpark rather than a scheduled executor because an
 * executor allocates a task object for every wake and every timer, i.e. per command, and the command path must
 * not allocate beyond the unavoidable (docs/benchmarks.md, "Allocation per command"). Wakes and parks allocate
 * nothing; only status questions (tests, status displays) do.
 */
final class AdapterThread {
    private static final Logger LOG = LoggerFactory.getLogger(AdapterThread.class);

    private final String adapter;
    private final Thread thread;
    private final Runnable step;
    private final LongSupplier nextDueNanos;
    private final AtomicBoolean woken = new AtomicBoolean();
    private final Queue<FutureTask<Integer>> questions = new ConcurrentLinkedQueue<>();
    private volatile boolean stopped;

    /**
     * @param adapter      the adapter's name, for the thread's name and logs
     * @param step         the adapter's work; runs on this thread only
     * @param nextDueNanos when the step must run again at the latest (System.nanoTime terms, Long.MAX_VALUE for
     *                     never); asked on this thread only, after each step
     */
    AdapterThread(String adapter, Runnable step, LongSupplier nextDueNanos) {
        this.adapter = adapter;
        this.step = step;
        this.nextDueNanos = nextDueNanos;
        this.thread = new Thread(this::run, "hbateam-sim-adapter-" + adapter);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Makes the step run soon; false once stopped (then nothing will run it again). */
    boolean wake() {
        if (stopped) {
            return false;
        }
        if (woken.compareAndSet(false, true)) {
            LockSupport.unpark(thread);
        }
        return true;
    }

    /** Answers {@code question} on this thread after a step, so it sees everything that happened before the call. */
    int ask(Callable<Integer> question) throws InterruptedException {
        try {
            if (Thread.currentThread() == thread) {
                return question.call();
            }
            FutureTask<Integer> task = new FutureTask<>(question);
            questions.add(task);
            if (stopped) {
                task.run(); // no thread left to catch up with: answered here (a second run does nothing)
            } else {
                LockSupport.unpark(thread);
            }
            return task.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("adapter " + adapter + ": status query failed", e.getCause());
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("adapter " + adapter + ": status query failed", e);
        }
    }

    /** Stops the thread and waits for it, unless called from it; questions still open are answered here. */
    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
        if (Thread.currentThread() != thread) {
            try {
                thread.join(5000);
                if (thread.isAlive()) {
                    throw new IllegalStateException("adapter " + adapter + ": scheduler thread did not stop");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (FutureTask<Integer> question; (question = questions.poll()) != null; ) {
            question.run();
        }
    }

    private void run() {
        while (!stopped) {
            try {
                FutureTask<Integer> question = questions.poll();
                woken.set(false);
                step.run();
                if (question != null) {
                    // Taken before the step, so the step saw everything that happened before the question.
                    question.run();
                } else {
                    parkUntilDue();
                }
            } catch (RuntimeException e) {
                LOG.error("Simulated adapter {}: scheduler step failed; carrying on", adapter, e);
            }
        }
    }

    /** Parks until woken or the next due time; an unpark that came first makes the park return at once. */
    private void parkUntilDue() {
        if (woken.get() || !questions.isEmpty()) {
            return;
        }
        long due = nextDueNanos.getAsLong();
        if (due == Long.MAX_VALUE) {
            LockSupport.park(this);
            return;
        }
        long delay = due - System.nanoTime();
        if (delay > 0) {
            LockSupport.parkNanos(this, delay);
        }
    }
}
