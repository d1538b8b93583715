package org.hbateam.shell.internal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenchSpecTest {
    @Test
    void defaultsAreAReadOnlyRun() {
        BenchSpec spec = BenchSpec.parse("128k", 100, 16, "10s", "64m", false);
        assertEquals(new BenchSpec(128 * 1024, 100, 16, 10_000, 64L << 20), spec, "the documented defaults");
        assertEquals("128 KiB, 100% read, queue depth 16", spec.describe(), "the workload in words");
    }

    @Test
    void writesNeedAllowWrites() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchSpec.parse("4k", 70, 16, "1s", "64m", false));
        assertTrue(e.getMessage().contains("--allow-writes"), "the refusal says how to confirm: " + e.getMessage());
        assertEquals(70, BenchSpec.parse("4k", 70, 16, "1s", "64m", true).readPercent(), "allowed with --allow-writes");
    }

    @Test
    void outOfRangeValuesNameTheirOption() {
        assertTrue(message(() -> BenchSpec.parse("32m", 100, 16, "1s", "64m", false)).startsWith("--size"), "too large an I/O");
        assertTrue(message(() -> BenchSpec.parse("4k", 101, 16, "1s", "64m", true)).startsWith("--read-percent"), "above 100 %");
        assertTrue(message(() -> BenchSpec.parse("4k", 100, 0, "1s", "64m", false)).startsWith("--queue-depth"), "no queue");
        assertTrue(message(() -> BenchSpec.parse("4k", 100, 1, "soon", "64m", false)).startsWith("--duration"), "no duration");
        assertTrue(message(() -> BenchSpec.parse("1m", 100, 1, "1s", "64k", false)).startsWith("--region"), "region below one I/O");
    }

    private static String message(Runnable parse) {
        return assertThrows(IllegalArgumentException.class, parse::run).getMessage();
    }
}
