package org.hbateam.itests.karaf;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Waits for an asynchronous outcome in a running instance (a failover, a health check turning, a page refresh).
 * Not a timed assertion: the bound only keeps a broken build from hanging, and the test then fails on the value.
 */
final class Eventually {
    private static final Duration BOUND = Duration.ofSeconds(60);

    private Eventually() {
    }

    /** Polls {@code probe} until {@code done} accepts its value or the bound passes; returns the last value. */
    static <T> T poll(Callable<T> probe, Predicate<T> done) throws Exception {
        Instant deadline = Instant.now().plus(BOUND);
        T value = probe.call();
        while (!done.test(value) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            value = probe.call();
        }
        return value;
    }
}
