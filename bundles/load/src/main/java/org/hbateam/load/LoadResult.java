package org.hbateam.load;

/** What a {@link QueueDepthLoop} completed: bytes, GOOD commands, errors, and the seconds to the last completion. */
public record LoadResult(long bytesRead, long bytesWritten, long commands, long errors, double seconds,
                         String firstError) {
    public long bytes() {
        return bytesRead + bytesWritten;
    }

    public double mibPerSecond() {
        return bytes() / seconds / (1 << 20);
    }
}
