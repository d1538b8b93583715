package org.hbateam.shell.internal.bench;

import java.util.Locale;

import org.HdrHistogram.Histogram;

/** The lines {@code hbateam:bench} prints: one per second while it runs, and the summary at the end. */
public final class BenchReport {
    private BenchReport() {
    }

    /**
     * One progress line for the interval that just ended.
     *
     * @param elapsedSeconds seconds since the start
     * @param bytes          bytes moved in the interval
     * @param commands       commands completed in the interval
     * @param seconds        the interval's length
     * @param interval       the latencies of the interval
     * @param inFlight       commands in flight now
     */
    public static String progress(long elapsedSeconds, long bytes, long commands, double seconds, Histogram interval, int inFlight) {
        return String.format(Locale.ROOT, "%4d s  %9.1f MB/s  %8.0f IOPS  p99 %s  in flight %d",
                elapsedSeconds, bytes / seconds / 1e6, commands / seconds, millis(interval.getValueAtPercentile(99)), inFlight);
    }

    /**
     * The final line: throughput, IOPS and latency percentiles over the whole run.
     *
     * @param team     the team's name
     * @param spec     the workload
     * @param seconds  how long the run issued commands
     * @param bytes    bytes moved (read and written)
     * @param commands commands completed well
     * @param errors   commands that failed or returned an error status
     * @param all      every latency of the run
     */
    public static String summary(String team, BenchSpec spec, double seconds, long bytes, long commands, long errors, Histogram all) {
        return String.format(Locale.ROOT,
                "bench %s: %s, %.1f s: %.1f MB/s, %.0f IOPS, latency p50 %s, p90 %s, p99 %s, p99.9 %s, %d errors",
                team, spec.describe(), seconds, bytes / seconds / 1e6, commands / seconds,
                millis(all.getValueAtPercentile(50)), millis(all.getValueAtPercentile(90)),
                millis(all.getValueAtPercentile(99)), millis(all.getValueAtPercentile(99.9)), errors);
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }
}
