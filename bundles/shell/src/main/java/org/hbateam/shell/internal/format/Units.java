package org.hbateam.shell.internal.format;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formats and parses the quantities the commands show and take: sizes, rates, latencies, durations, times. */
public final class Units {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Units() {
    }

    /** Bytes per second as MB/s (10^6 bytes), one decimal. */
    public static String megabytesPerSecond(double bytesPerSecond) {
        return String.format(Locale.ROOT, "%.1f MB/s", bytesPerSecond / 1_000_000.0);
    }

    /** A latency in nanoseconds as milliseconds with three decimals; {@code -} when none is known. */
    public static String millis(long nanos) {
        return nanos <= 0 ? "-" : String.format(Locale.ROOT, "%.3f ms", nanos / 1_000_000.0);
    }

    /** Epoch milliseconds as a UTC time; {@code never} for 0. */
    public static String time(long epochMillis) {
        return epochMillis <= 0 ? "never" : TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    /** A percentage with one decimal. */
    public static String percent(double percent) {
        return String.format(Locale.ROOT, "%.1f", percent);
    }

    /**
     * Parses a size such as {@code 4096}, {@code 128k}, {@code 1m} or {@code 1g} (binary multiples).
     *
     * @throws IllegalArgumentException naming {@code option} when it is not a positive size
     */
    public static long parseSize(String option, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long multiplier = 1;
        if (t.endsWith("k") || t.endsWith("m") || t.endsWith("g")) {
            multiplier = switch (t.charAt(t.length() - 1)) {
                case 'k' -> 1L << 10;
                case 'm' -> 1L << 20;
                default -> 1L << 30;
            };
            t = t.substring(0, t.length() - 1);
        }
        return positive(option, text, t) * multiplier;
    }

    /**
     * Parses a duration such as {@code 500ms}, {@code 10s} or {@code 2m}; a bare number is seconds.
     *
     * @return the duration in milliseconds
     * @throws IllegalArgumentException naming {@code option} when it is not a positive duration
     */
    public static long parseMillis(String option, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return positive(option, text, t.substring(0, t.length() - 2));
        }
        if (t.endsWith("s")) {
            return positive(option, text, t.substring(0, t.length() - 1)) * 1000;
        }
        if (t.endsWith("m")) {
            return positive(option, text, t.substring(0, t.length() - 1)) * 60_000;
        }
        return positive(option, text, t) * 1000;
    }

    private static long positive(String option, String original, String digits) {
        try {
            long value = Long.parseLong(digits);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the option's name
        }
        throw new IllegalArgumentException(option + ": '" + original + "' is not a positive value");
    }
}
