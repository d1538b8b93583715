package org.hbateam.balancer.dynamic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DynamicSettingsTest {
    @Test
    void aModeTypoIsRejectedNamingTheKeyAndTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> DynamicSettings.from(Configs.of(1000, 10, 10, "relax", 3, 25)));
        assertEquals("mode must be one of [patent, relaxed, capacity], was 'relax'", e.getMessage());
    }

    @Test
    void modesAreReadInAnyCase() {
        assertEquals(ShareMode.CAPACITY, DynamicSettings.from(Configs.of(1000, 10, 10, " Capacity", 3, 25)).mode());
    }

    @Test
    void relaxedModeKeysAreCheckedNamingTheKey() {
        assertEquals("relaxIntervals must be at least 1, was 0", assertThrows(IllegalArgumentException.class,
            () -> DynamicSettings.from(Configs.of(1000, 10, 10, "relaxed", 0, 25))).getMessage());
        assertEquals("normalLatencyPercent must be between 0 and 1000, was NaN", assertThrows(IllegalArgumentException.class,
            () -> DynamicSettings.from(Configs.of(1000, 10, 10, "relaxed", 3, Double.NaN))).getMessage());
    }
}
