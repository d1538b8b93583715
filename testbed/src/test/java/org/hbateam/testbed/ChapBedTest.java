package org.hbateam.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A bed with one-way and mutual CHAP, through the extension's builder form. */
class ChapBedTest {
    private static final Chap INITIATOR = new Chap("hbtinit", "initsecret123");
    private static final Chap TARGET = new Chap("hbttarget", "targetsecret12");

    @RegisterExtension
    static final TestBedExtension BED = TestBedExtension.of(BedSpec.builder().paths(1).size("16M")
            .chap(INITIATOR).mutualChap(TARGET).maxConnections(2).nopInterval(5).build());

    @Test
    void theRightSecretsLogIn(TestBed bed) {
        assertEquals(bed.lunSizeBytes(), bed.tools().readCapacity16(1, 1).bytes(), "login with both CHAP accounts");
    }

    @Test
    void noSecretIsRefused(TestBed bed) {
        TestBedException failure = assertThrows(TestBedException.class,
                () -> bed.tools().withCredentials(null, null).readCapacity16(1, 1), "CHAP is required");
        assertTrue(failure.getMessage().contains("Authentication failure"), "a clear reason: " + failure.getMessage());
    }

    @Test
    void aWrongInitiatorSecretIsRefused(TestBed bed) {
        TestBedException failure = assertThrows(TestBedException.class,
                () -> bed.tools().withCredentials(new Chap("hbtinit", "wrongsecret12"), TARGET).readCapacity16(1, 1),
                "wrong initiator secret");
        assertTrue(failure.getMessage().contains("Authentication failure"), "a clear reason: " + failure.getMessage());
    }

    @Test
    void aTargetThatCannotProveItselfIsRefused(TestBed bed) {
        TestBedException failure = assertThrows(TestBedException.class,
                () -> bed.tools().withCredentials(INITIATOR, new Chap("hbttarget", "notthesecret1")).readCapacity16(1, 1),
                "mutual CHAP with a secret the target does not have");
        assertTrue(failure.getMessage().contains("CHAP_R"), "the initiator rejects the target's answer: "
                + failure.getMessage());
    }

    @Test
    void noSecretAppearsInTheSummaryStateOrTargetLog(TestBed bed) throws IOException {
        String visible = bed.summary().asMap().toString() + bed.status().asMap()
                + Files.readString(bed.stateDir().resolve("state.env"))
                + Files.readString(bed.stateDir().resolve("tgtd.log"));
        assertFalse(visible.contains(INITIATOR.secret()), "initiator secret leaked");
        assertFalse(visible.contains(TARGET.secret()), "target secret leaked");
        assertEquals("hbtinit", bed.summary().get("CHAP_USER"), "the user name is shown");
        assertEquals("2", bed.summary().get("MAX_CONNECTIONS"), "MaxConnections as asked");
        assertEquals("5", bed.summary().get("NOP_INTERVAL"), "NOP-In interval as asked");
    }
}
