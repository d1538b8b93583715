package org.hbateam.itests.iscsi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.hbateam.driver.iscsi.internal.IscsiPath;
import org.hbateam.driver.iscsi.internal.login.ChapCredentials;
import org.hbateam.driver.iscsi.internal.login.Proposal;
import org.hbateam.testbed.BedConfig;
import org.hbateam.testbed.TestBed;
import org.hbateam.testbed.TestBedExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** CHAP against tgtd: one-way and mutual succeed, a wrong secret fails clearly, and no secret reaches the log. */
@ExtendWith(TestBedExtension.class)
@BedConfig(paths = 1, size = "16M", chapUser = "e2euser", chapSecret = "InitSecret.123",
        mutualChapUser = "e2etarget", mutualChapSecret = "TgtSecret.4567")
class ChapE2eTest {
    private static final String WRONG = "WrongSecret.89";
    private static final Path LOG = Path.of(System.getProperty("hbateam.e2e.log"));

    @Test
    void oneWayChapWithTheRightSecretCarriesIo(TestBed bed) throws Exception {
        io(bed, new ChapCredentials("e2euser", "InitSecret.123", "", ""));
    }

    @Test
    void mutualChapWithTheRightSecretsCarriesIo(TestBed bed) throws Exception {
        io(bed, new ChapCredentials("e2euser", "InitSecret.123", "e2etarget", "TgtSecret.4567"));
    }

    @Test
    void aWrongSecretFailsClearly(TestBed bed) throws Exception {
        try (E2eAdapter driver = new E2eAdapter(bed, 1, Proposal.defaults(),
                new ChapCredentials("e2euser", WRONG, "", ""), false, 1000, 3000)) {
            assertTrue(awaitLog("login refused: authentication failed"), "the log must say authentication failed");
            assertTrue(driver.adapter.paths().isEmpty(), "no path without a login");
        }
    }

    @Test
    void aTargetWithoutTheMutualSecretIsRefused(TestBed bed) throws Exception {
        try (E2eAdapter driver = new E2eAdapter(bed, 1, Proposal.defaults(),
                new ChapCredentials("e2euser", "InitSecret.123", "e2etarget", WRONG), false, 1000, 3000)) {
            assertTrue(awaitLog("mutual CHAP failed"), "the log must say the target did not prove itself");
            assertTrue(driver.adapter.paths().isEmpty(), "no path to an unproven target");
        }
    }

    @AfterAll
    static void noSecretInTheLog() throws Exception {
        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        for (String secret : new String[] {"InitSecret.123", "TgtSecret.4567", WRONG}) {
            assertFalse(log.contains(secret), "a CHAP secret appeared in the driver's log");
        }
    }

    private static void io(TestBed bed, ChapCredentials chap) throws Exception {
        try (E2eAdapter driver = new E2eAdapter(bed, 1, Proposal.defaults(), chap, false, 1000, 3000)) {
            IscsiPath path = driver.path(1);
            byte[] data = new byte[65536];
            new Random(3).nextBytes(data);
            E2eAdapter.write(path, 0, data);
            byte[] back = new byte[data.length];
            E2eAdapter.read(path, 0, back);
            assertArrayEquals(data, back, "I/O after a CHAP login");
        }
    }

    private static boolean awaitLog(String text) throws Exception {
        long end = System.nanoTime() + E2eAdapter.GUARD_SECONDS * 1_000_000_000L;
        while (System.nanoTime() < end) {
            if (Files.exists(LOG) && Files.readString(LOG, StandardCharsets.UTF_8).contains(text)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
