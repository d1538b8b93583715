package org.hbateam.driver.sim.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdapterThreadTest {
    private final AtomicInteger steps = new AtomicInteger();
    private final AtomicLong due = new AtomicLong(Long.MAX_VALUE);
    private volatile CountDownLatch stepped = new CountDownLatch(1);
    private final AdapterThread thread = new AdapterThread("t0", () -> {
        steps.incrementAndGet();
        stepped.countDown();
    }, due::get);

    @AfterEach
    void stop() {
        thread.stop();
    }

    @Test
    void aWakeRunsTheStep() throws InterruptedException {
        thread.start();
        stepped.await(5, TimeUnit.SECONDS); // the first step, at start
        stepped = new CountDownLatch(1);

        assertTrue(thread.wake(), "a running thread accepts a wake");
        assertTrue(stepped.await(5, TimeUnit.SECONDS), "the wake ran the step");
    }

    @Test
    void theStepRunsAgainWhenItsDueTimePassesWithoutAWake() throws InterruptedException {
        due.set(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20));
        thread.start();
        stepped.await(5, TimeUnit.SECONDS);
        stepped = new CountDownLatch(1);

        assertTrue(stepped.await(5, TimeUnit.SECONDS), "the due time alone brought the next step");
    }

    @Test
    void aQuestionIsAnsweredAfterAStepOnTheThread() throws InterruptedException {
        thread.start();
        String name = Thread.currentThread().getName();

        int answer = thread.ask(() -> Thread.currentThread().getName().equals(name) ? -1 : steps.get());

        assertTrue(answer >= 1, "answered on the adapter's thread after at least one step, was " + answer);
    }

    @Test
    void afterStopWakesAreRefusedAndQuestionsStillAnswered() throws InterruptedException {
        thread.start();
        thread.stop();

        assertFalse(thread.wake(), "a stopped thread refuses wakes, so the caller fails its arrivals itself");
        assertEquals(7, thread.ask(() -> 7), "a question after stop is answered at once");
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("hbateam-sim-adapter-t0")),
                "the thread has ended");
    }
}
