package org.hbateam.failover.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hbateam.api.scsi.Direction;
import org.junit.jupiter.api.Test;

class ThroughputEstimateTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aPathThatCarriedBytesIsMeasured() {
        PathCounters counters = new PathCounters();
        counters.sampleThroughput(SECOND);
        carry(counters, 1_000_000);
        counters.sampleThroughput(2 * SECOND);
        assertEquals(1_000_000, counters.throughputBytesPerSecond(), "1 MB completed in 1 s");
    }

    @Test
    void anIdleIntervalMakesThePathUnmeasuredInsteadOfSlow() {
        PathCounters counters = new PathCounters();
        counters.sampleThroughput(SECOND);
        carry(counters, 1_000_000);
        counters.sampleThroughput(2 * SECOND);
        counters.sampleThroughput(3 * SECOND);
        assertEquals(0, counters.throughputBytesPerSecond(),
                "a path nobody used in the interval must read as unmeasured (0), so balancers try it again");
    }

    @Test
    void aPathWithCommandsInFlightButNoCompletionsLosesThroughput() {
        PathCounters counters = new PathCounters();
        counters.sampleThroughput(SECOND);
        carry(counters, 1_000_000);
        counters.sampleThroughput(2 * SECOND);
        counters.dispatched(Direction.READ, 4096);
        counters.sampleThroughput(3 * SECOND);
        assertTrue(counters.throughputBytesPerSecond() > 0 && counters.throughputBytesPerSecond() < 1_000_000,
                "a stalled busy path is slow, not unmeasured: " + counters.throughputBytesPerSecond());
    }

    private static void carry(PathCounters counters, long bytes) {
        counters.dispatched(Direction.WRITE, bytes);
        counters.finished(bytes, 1_000_000);
    }
}
