package org.hbateam.benchmarks.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {
    @Test
    void percentilesAreNearestRankInMicroseconds() {
        LatencyRecorder recorder = new LatencyRecorder(2000);
        for (int i = 1000; i >= 1; i--) {
            recorder.accept(i * 1000L); // 1..1000 µs, out of order
        }
        LatencyRecorder.Percentiles p = recorder.percentiles();
        assertEquals(500, p.p50(), 0.0, "p50 of 1..1000 is the 500th value");
        assertEquals(990, p.p99(), 0.0, "p99 is the 990th value");
        assertEquals(999, p.p999(), 0.0, "p99.9 is the 999th value");
    }

    @Test
    void samplesBeyondTheCapacityAreCountedNotKept() {
        LatencyRecorder recorder = new LatencyRecorder(2);
        recorder.accept(1000);
        recorder.accept(3000);
        recorder.accept(1_000_000);
        assertEquals(1, recorder.dropped(), "the third sample did not fit");
        assertEquals(3, recorder.percentiles().p999(), 0.0, "the kept samples only");
    }
}
