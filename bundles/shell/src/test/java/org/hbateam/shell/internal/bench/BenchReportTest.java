package org.hbateam.shell.internal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class BenchReportTest {
    @Test
    void theSummaryLineCarriesThroughputIopsAndPercentiles() {
        Histogram latencies = new Histogram(3);
        for (int i = 1; i <= 1000; i++) {
            latencies.recordValue(i * 1_000L); // 1 us .. 1 ms
        }
        BenchSpec spec = new BenchSpec(128 * 1024, 100, 16, 2000, 64L << 20);
        String line = BenchReport.summary("default", spec, 2.0, 400_000_000L, 3000, 0, latencies);
        assertEquals("bench default: 128 KiB, 100% read, queue depth 16, 2.0 s: 200.0 MB/s, 1500 IOPS, "
                + "latency p50 0.500 ms, p90 0.900 ms, p99 0.990 ms, p99.9 0.999 ms, 0 errors", line,
                "MB/s is 10^6 bytes per second; percentiles from the histogram");
    }
}
