package org.hbateam.benchmarks.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hbateam.testbed.TestBed;

/**
 * libiscsi's side of the comparison on the same bed path: {@code iscsi-perf} for sequential reads (it runs
 * until SIGINT, so {@code timeout -s INT} ends it; its last "iops average" is the run's average) and the test
 * bed's {@code iscsi-bench -m write} peer for sequential writes.
 */
final class LibiscsiPeers {
    private static final Pattern IOPS_AVERAGE = Pattern.compile("iops average (\\d+)");

    private final TestBed bed;

    LibiscsiPeers(TestBed bed) {
        this.bed = bed;
    }

    /** MiB/s of {@code iscsi-perf} sequential reads through bed path {@code path}, LUN 1. */
    double reads(int path, int blockBytes, int depth, double seconds) throws IOException, InterruptedException {
        long secondsWhole = Math.max(1, Math.round(seconds));
        Process process = new ProcessBuilder(List.of("timeout", "-s", "INT", Long.toString(secondsWhole), "iscsi-perf",
                "-m", Integer.toString(depth), "-b", Integer.toString(blockBytes / 512), bed.lunUrl(path, 1)))
                .redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(secondsWhole + 30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("iscsi-perf did not end after SIGINT");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        Matcher m = IOPS_AVERAGE.matcher(text);
        long iops = -1;
        while (m.find()) {
            iops = Long.parseLong(m.group(1));
        }
        if (iops < 0) {
            throw new IllegalStateException("no average in iscsi-perf's output: " + text);
        }
        return iops * (double) blockBytes / (1 << 20);
    }

    /** MiB/s of {@code iscsi-bench -m write} sequential writes through bed path {@code path}, LUN 1; fails if a write failed. */
    double writes(int path, int blockBytes, int depth, double seconds) {
        var line = bed.tools().withTimeout(Duration.ofSeconds((long) seconds + 30)).bench("write", path, 1, blockBytes, depth, seconds);
        if (line.longValue("errors") != 0) {
            throw new IllegalStateException("iscsi-bench -m write had failed writes: " + line);
        }
        return Double.parseDouble(line.get("mib_per_s"));
    }
}
