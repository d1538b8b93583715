package org.hbateam.shell.internal.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void sizesTakeBinarySuffixes() {
        assertEquals(4096, Units.parseSize("--size", "4096"), "a bare number is bytes");
        assertEquals(128 * 1024, Units.parseSize("--size", "128k"), "k is KiB");
        assertEquals(1 << 20, Units.parseSize("--size", "1M"), "M is MiB, case-insensitive");
        assertEquals(1L << 30, Units.parseSize("--size", "1g"), "g is GiB");
    }

    @Test
    void durationsTakeMsSAndM() {
        assertEquals(500, Units.parseMillis("--duration", "500ms"), "ms");
        assertEquals(10_000, Units.parseMillis("--duration", "10s"), "s");
        assertEquals(120_000, Units.parseMillis("--duration", "2m"), "m");
        assertEquals(3_000, Units.parseMillis("--duration", "3"), "a bare number is seconds");
    }

    @Test
    void badValuesNameTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Units.parseSize("--size", "12q"));
        assertEquals("--size: '12q' is not a positive value", e.getMessage(), "the option and the value are named");
        assertThrows(IllegalArgumentException.class, () -> Units.parseMillis("--duration", "0s"), "zero is not a duration");
        assertThrows(IllegalArgumentException.class, () -> Units.parseSize("--size", "-4k"), "negative sizes are refused");
    }

    @Test
    void displayFormats() {
        assertEquals("12.5 MB/s", Units.megabytesPerSecond(12_500_000), "MB/s in 10^6 bytes");
        assertEquals("1.500 ms", Units.millis(1_500_000), "latency in ms");
        assertEquals("-", Units.millis(0), "no latency known yet");
        assertEquals("never", Units.time(0), "no failover yet");
        assertEquals("1970-01-01 00:00:01 UTC", Units.time(1000), "epoch ms as UTC");
    }
}
