package org.hbateam.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code congest}/{@code release}: a path's packets are held in a queue, not dropped, and delivered late. The
 * fault behind the ghost write of issue 11, so the bed must prove both halves: held (a backlog that stays)
 * and delivered (nothing dropped, the writer sees no error).
 */
@ExtendWith(TestBedExtension.class)
@BedConfig(paths = 2, size = "64M")
class CongestBedTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    /**
     * How long the writer may take, 6 s of writing included. Held packets make TCP back off its retransmissions
     * (200 ms, doubling), so the last write can land tens of seconds after the release on a busy machine.
     */
    private static final Duration WRITER_GUARD = Duration.ofSeconds(120);

    @Test
    void congestHoldsThePacketsAndReleaseDeliversThemAllLate(TestBed bed) throws Exception {
        CompletableFuture<BedSummary> bench = CompletableFuture.supplyAsync(
                () -> bed.tools().withTimeout(WRITER_GUARD).bench("write", 1, 1, 65536, 8, 6.0));
        try {
            // Congest only a link that carries the bench's writes: its session is logged in.
            awaitStatus(bed, "CONNECTIONS", connections -> !connections.isEmpty());
            bed.congest(1);
            BedSummary held = awaitStatus(bed, "PATH_1_QUEUE", s -> s.startsWith("congest:held") && backlog(s) > 0);
            assertTrue(held.get("PATH_1_STATE").contains("throttle:100Kbit"), "a 100kbit tbf holds path 1: " + held);
            assertEquals("congest:none backlog:0b dropped:0", held.get("PATH_2_QUEUE"), "path 2 is untouched: " + held);

            bed.release(1);
            // The writer keeps sending at full rate after the release, so a snapshot may catch its next packet in
            // the queue: what the release promises is a queue that drains and drops nothing.
            BedSummary released = awaitStatus(bed, "PATH_1_QUEUE", s -> backlog(s) == 0);
            assertEquals("congest:released backlog:0b dropped:0", released.get("PATH_1_QUEUE"),
                    "the released queue drains, and it dropped nothing: " + released);
            assertTrue(released.get("PATH_1_STATE").contains("throttle:10Gbit"), "the rate is raised, not removed: " + released);
            BedSummary result = bench.get(WRITER_GUARD.toSeconds(), TimeUnit.SECONDS);
            assertEquals("0", result.get("errors"), "the writer saw a slow link, not a broken one: " + result);
        } finally {
            bench.join();
            bed.unthrottle(1);
        }
        assertEquals("congest:none backlog:0b dropped:0", bed.status().get("PATH_1_QUEUE"), "unthrottle clears it");
        assertEquals("host:up target:up throttle:none filters:none", bed.status().get("PATH_1_STATE"), "path 1 clean again");
    }

    @Test
    void releaseGivesACongestedPathBackItsThrottle(TestBed bed) {
        bed.throttle(2, "200mbit");
        try {
            bed.congest(2);
            assertTrue(bed.status().get("PATH_2_STATE").contains("throttle:100Kbit"), "congested below the throttle");
            bed.release(2);
            assertTrue(bed.status().get("PATH_2_STATE").contains("throttle:200Mbit"), "the throttle's rate is back");
            TestBedException twice = assertThrows(TestBedException.class, () -> bed.release(2),
                    "a path that is not held cannot be released");
            assertTrue(twice.getMessage().contains("not congested"), "the script says why: " + twice.getMessage());
        } finally {
            bed.unthrottle(2);
        }
    }

    /** A backlog of {@code congest:X backlog:Nb dropped:M}. */
    private static long backlog(String queue) {
        String field = queue.split(" ")[1];
        return Long.parseLong(field.substring("backlog:".length(), field.length() - 1));
    }

    /** Polls the bed's status until {@code key} satisfies {@code condition}; a deadline, not a timed assertion. */
    private static BedSummary awaitStatus(TestBed bed, String key, Predicate<String> condition) throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        BedSummary status = bed.status();
        while (!condition.test(status.find(key).orElse("")) && System.nanoTime() < end) {
            Thread.sleep(100);
            status = bed.status();
        }
        assertTrue(condition.test(status.find(key).orElse("")), key + " reached the expected state: " + status);
        return status;
    }
}
