package org.hbateam.benchmarks.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time of tgtd's main thread, which runs its whole event loop (every PDU in and out; its back-end
 * threads only do the file I/O). When it is busy for nearly all of a run, the target is the limit of the
 * IOPS measured, not the initiator. Read from {@code /proc/PID/task/PID/stat} (utime + stime, in clock ticks).
 */
final class TargetCpu {
    /** Linux's USER_HZ, which /proc reports ticks in; 100 on every architecture Debian builds for. */
    private static final double TICKS_PER_SECOND = 100;

    private final Path stat;
    private double startSeconds;
    private long startNanos;

    TargetCpu(long pid) {
        this.stat = Path.of("/proc", Long.toString(pid), "task", Long.toString(pid), "stat");
    }

    TargetCpu start() throws IOException {
        startSeconds = cpuSeconds();
        startNanos = System.nanoTime();
        return this;
    }

    /** The share of one core the main thread used since {@link #start}, 0 to 1. */
    double busyFraction() throws IOException {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        return elapsed <= 0 ? 0 : (cpuSeconds() - startSeconds) / elapsed;
    }

    private double cpuSeconds() throws IOException {
        String line = Files.readString(stat);
        // Fields after the command name, which is in parentheses and may hold spaces: state is field 3.
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        long utime = Long.parseLong(fields[11]);
        long stime = Long.parseLong(fields[12]);
        return (utime + stime) / TICKS_PER_SECOND;
    }
}
