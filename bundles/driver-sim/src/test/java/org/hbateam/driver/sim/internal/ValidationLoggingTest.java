package org.hbateam.driver.sim.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.hbateam.driver.sim.internal.config.TestConfigs;
import org.junit.jupiter.api.Test;

/** What an operator sees: the rejection is logged at ERROR, naming the key and the reason. */
class ValidationLoggingTest {
    @Test
    void rejectionsAreLoggedAtErrorNamingKeyAndReason() {
        String log = captureStandardError(() -> {
            try (SimFixture sim = new SimFixture()) {
                sim.adapter("good", TestConfigs.adapter("hba0"));
                sim.adapter("bad", TestConfigs.adapter("hba1", -5, 0, 1));
                sim.lun("lun", TestConfigs.lun("hba0", "hba9"));
                sim.lun("empty", TestConfigs.lun("hba0").withSizeMB(0).withLun(1));
            }
        });

        assertTrue(log.contains("ERROR") && log.contains("org.hbateam.sim.adapter: key 'bandwidthMBps': must be > 0, was -5"),
                "negative bandwidth must be logged at ERROR with its key; log was:\n" + log);
        assertTrue(log.contains("org.hbateam.sim.lun: key 'adapters': unknown adapter 'hba9'"),
                "an unknown adapter must be logged with its key; log was:\n" + log);
        assertTrue(log.contains("org.hbateam.sim.lun: key 'sizeMB': must be in [1, 16777216], was 0"),
                "a LUN size of 0 must be logged with its key; log was:\n" + log);
    }

    /** slf4j-simple writes to whatever System.err is at the time of each message. */
    private static String captureStandardError(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
