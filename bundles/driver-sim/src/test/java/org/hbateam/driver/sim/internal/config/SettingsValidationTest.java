package org.hbateam.driver.sim.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class SettingsValidationTest {
    private static final Predicate<String> KNOWN = Set.of("hba0", "hba1")::contains;

    @Test
    void adapterDefaultsAreValid() throws ConfigException {
        AdapterSettings settings = AdapterSettings.from(TestConfigs.adapter(" hba0 ", 200, 200, 32));

        assertEquals(new AdapterSettings("hba0", 200, 200, 32), settings, "the name is trimmed, the rest kept");
        assertEquals(5_000_000L, settings.transferNanos(1_000_000), "1 MB at 200 MB/s takes 5 ms");
    }

    @Test
    void eachBadAdapterKeyIsNamed() {
        assertMessage("org.hbateam.sim.adapter: key 'name': must not be blank",
                () -> AdapterSettings.from(TestConfigs.adapter("  ", 200, 0, 1)));
        assertMessage("org.hbateam.sim.adapter: key 'name': 'a:b' must not contain ':', ',' or whitespace",
                () -> AdapterSettings.from(TestConfigs.adapter("a:b", 200, 0, 1)));
        assertMessage("org.hbateam.sim.adapter: key 'bandwidthMBps': must be > 0, was -5",
                () -> AdapterSettings.from(TestConfigs.adapter("hba0", -5, 0, 1)));
        assertMessage("org.hbateam.sim.adapter: key 'bandwidthMBps': must be > 0, was 0",
                () -> AdapterSettings.from(TestConfigs.adapter("hba0", 0, 0, 1)));
        assertMessage("org.hbateam.sim.adapter: key 'latencyMicros': must be >= 0, was -1",
                () -> AdapterSettings.from(TestConfigs.adapter("hba0", 1, -1, 1)));
        assertMessage("org.hbateam.sim.adapter: key 'queueDepth': must be >= 1, was 0",
                () -> AdapterSettings.from(TestConfigs.adapter("hba0", 1, 0, 0)));
    }

    @Test
    void lunDefaultsDeriveAStableIdentityAndSerial() throws ConfigException {
        LunSettings first = LunSettings.from(TestConfigs.lun("hba0", "hba1", "hba0"), KNOWN);
        LunSettings again = LunSettings.from(TestConfigs.lun("hba1"), KNOWN);
        LunSettings other = LunSettings.from(TestConfigs.lun("hba1").withLun(1), KNOWN);

        assertEquals(first.naaHex(), again.naaHex(), "the derived identity depends only on target and LUN");
        assertNotEquals(first.naaHex(), other.naaHex(), "another LUN gets another identity");
        assertTrue(first.naaHex().matches("6[0-9a-f]{31}"), "an NAA type 6 designator: " + first.naaHex());
        assertEquals(first.naaHex().substring(16), first.serial(), "the default serial is the identity's low half");
        assertEquals(List.of("hba0", "hba1"), first.adapters(), "duplicates dropped, order kept");
        assertEquals(2048, first.blocks(), "1 MiB is 2048 blocks of 512 bytes");
    }

    @Test
    void aCommaSeparatedAdapterListAsFromACfgFileIsSplit() throws ConfigException {
        LunSettings settings = LunSettings.from(TestConfigs.lun("hba0, hba1"), KNOWN);

        assertEquals(List.of("hba0", "hba1"), settings.adapters(), "'hba0, hba1' in one value names two adapters");
    }

    @Test
    void aConfiguredIdentityIsNormalised() throws ConfigException {
        LunSettings settings = LunSettings.from(
                TestConfigs.lun("hba0").withLuIdentity("naa.600144F0C0FFEE000000000000000001"), KNOWN);

        assertEquals("naa.600144f0c0ffee000000000000000001", settings.luIdentity(), "lower case, one naa. prefix");
    }

    @Test
    void eachBadLunKeyIsNamed() {
        assertMessage("org.hbateam.sim.lun: key 'adapters': unknown adapter 'hba9'",
                () -> LunSettings.from(TestConfigs.lun("hba0", "hba9"), KNOWN));
        assertMessage("org.hbateam.sim.lun: key 'adapters': must name at least one adapter",
                () -> LunSettings.from(TestConfigs.lun(), KNOWN));
        assertMessage("org.hbateam.sim.lun: key 'sizeMB': must be in [1, 16777216], was 0",
                () -> LunSettings.from(TestConfigs.lun("hba0").withSizeMB(0), KNOWN));
        assertMessage("org.hbateam.sim.lun: key 'lun': must be in [0, 16383], was -1",
                () -> LunSettings.from(TestConfigs.lun("hba0").withLun(-1), KNOWN));
        assertMessage("org.hbateam.sim.lun: key 'target': must not be blank",
                () -> LunSettings.from(TestConfigs.lun("hba0").withTarget(" "), KNOWN));
        assertMessage("org.hbateam.sim.lun: key 'serial': 'caf\u00e9' must be 1 to 64 printable ASCII characters",
                () -> LunSettings.from(TestConfigs.lun("hba0").withSerial("caf\u00e9"), KNOWN));
        ConfigException identity = assertThrows(ConfigException.class,
                () -> LunSettings.from(TestConfigs.lun("hba0").withLuIdentity("500144f0"), KNOWN));
        assertEquals("luIdentity", identity.key(), "a short, non-type-6 identity is rejected under its key");
        assertTrue(identity.getMessage().startsWith("org.hbateam.sim.lun: key 'luIdentity': '500144f0'"),
                "the message quotes the bad value: " + identity.getMessage());
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable validation) {
        ConfigException e = assertThrows(ConfigException.class, validation, "expected rejection: " + expected);
        assertEquals(expected, e.getMessage(), "the log message names PID, key and reason");
    }
}
