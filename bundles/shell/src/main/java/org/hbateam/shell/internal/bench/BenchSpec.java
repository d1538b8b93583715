package org.hbateam.shell.internal.bench;

import org.hbateam.shell.internal.format.Units;

/**
 * What {@code hbateam:bench} runs: I/O size, read share, queue depth, duration and the scratch region.
 * Writes are refused unless explicitly allowed, because they overwrite the LUN's scratch region.
 *
 * @param ioBytes       bytes per command
 * @param readPercent   percentage of commands that read, 0 to 100
 * @param queueDepth    commands kept in flight, 1 to 1024
 * @param durationMillis how long to issue new commands
 * @param regionBytes   size of the region at the end of the LUN the commands address
 */
public record BenchSpec(int ioBytes, int readPercent, int queueDepth, long durationMillis, long regionBytes) {
    static final int MAX_IO_BYTES = 16 << 20;
    static final int MAX_QUEUE_DEPTH = 1024;

    /**
     * Parses and checks the command's options.
     *
     * @throws IllegalArgumentException naming the option, for a value out of range or writes without {@code allowWrites}
     */
    public static BenchSpec parse(String size, int readPercent, int queueDepth, String duration, String region, boolean allowWrites) {
        long io = Units.parseSize("--size", size);
        if (io > MAX_IO_BYTES) {
            throw new IllegalArgumentException("--size: " + size + " is larger than 16m");
        }
        if (readPercent < 0 || readPercent > 100) {
            throw new IllegalArgumentException("--read-percent: " + readPercent + " is outside 0 to 100");
        }
        if (readPercent < 100 && !allowWrites) {
            throw new IllegalArgumentException("--read-percent " + readPercent + " writes to the LUN's scratch region; add --allow-writes to confirm");
        }
        if (queueDepth < 1 || queueDepth > MAX_QUEUE_DEPTH) {
            throw new IllegalArgumentException("--queue-depth: " + queueDepth + " is outside 1 to " + MAX_QUEUE_DEPTH);
        }
        long regionBytes = Units.parseSize("--region", region);
        if (regionBytes < io) {
            throw new IllegalArgumentException("--region: " + region + " is smaller than --size " + size);
        }
        return new BenchSpec((int) io, readPercent, queueDepth, Units.parseMillis("--duration", duration), regionBytes);
    }

    /** One line describing the workload, for the progress header and the summary. */
    public String describe() {
        return ioBytes / 1024 + " KiB, " + readPercent + "% read, queue depth " + queueDepth;
    }
}
