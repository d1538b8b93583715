package org.hbateam.balancer.dynamic.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes the dynamic balancer's one timer thread and remembers it, so deactivation can wait until it has
 * really gone and no thread outlives the component.
 */
final class TimerThreads implements ThreadFactory {
    static final String NAME = "hbateam-dynamic-balancer";

    private final AtomicReference<Thread> last = new AtomicReference<>();

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, NAME);
        thread.setDaemon(true); // never hold the framework's JVM open
        last.set(thread);
        return thread;
    }

    /** True when no timer thread made here is alive. */
    boolean noneAlive() {
        Thread thread = last.get();
        return thread == null || !thread.isAlive();
    }

    /** Waits up to {@code millis} for the timer thread to end; true when none is alive. */
    boolean awaitGone(long millis) throws InterruptedException {
        Thread thread = last.get();
        if (thread != null) {
            thread.join(millis);
        }
        return noneAlive();
    }
}
