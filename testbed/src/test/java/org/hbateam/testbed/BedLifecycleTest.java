package org.hbateam.testbed;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Up and down without the extension: what gets created, that down removes all of it, twice. */
class BedLifecycleTest {
    private static final BedScript SCRIPT = BedScript.locate();
    private final String first = BedNames.derive(getClass().getName() + "#first", SCRIPT.path().toString());
    private final String second = BedNames.derive(getClass().getName() + "#second", SCRIPT.path().toString());

    @BeforeAll
    static void installPackages() {
        TestBed.install();
    }

    @AfterEach
    void tearDownWhateverIsLeft() {
        TestBed.down(first);
        TestBed.down(second);
    }

    @Test
    void downRemovesEverythingUpCreatedAndMayRunTwice() {
        TestBed bed = TestBed.up(BedSpec.builder().name(first).paths(2).size("16M").build());
        String netns = bed.netns();
        long pid = bed.targetPid();
        Path stateDir = bed.stateDir();
        assertAll("what up creates",
                () -> assertEquals("hbt-" + first, netns, "netns name"),
                () -> assertTrue(HostState.netnsExists(netns), "netns " + netns),
                () -> assertEquals("hbt" + first + "h1", bed.hostInterface(1), "host-side interface name"),
                () -> assertTrue(HostState.linkExists(bed.hostInterface(1)), "veth of path 1"),
                () -> assertTrue(HostState.linkExists(bed.hostInterface(2)), "veth of path 2"),
                () -> assertTrue(HostState.processRuns(pid), "tgtd " + pid),
                () -> assertTrue(Files.isRegularFile(bed.lunFile(1)), "LUN file"),
                () -> assertEquals(16L << 20, Files.size(bed.lunFile(1)), "LUN file size"),
                () -> assertEquals("iqn.2024-01.org.hbateam:testbed." + first, bed.targetIqn(), "target IQN"));

        bed.down();
        assertAll("what down leaves",
                () -> assertFalse(HostState.netnsExists(netns), "netns " + netns + " removed"),
                () -> assertFalse(HostState.linkExists(bed.hostInterface(1)), "veth of path 1 removed"),
                () -> assertFalse(HostState.linkExists(bed.hostInterface(2)), "veth of path 2 removed"),
                () -> assertFalse(HostState.processRuns(pid), "tgtd " + pid + " stopped"),
                () -> assertFalse(HostState.hostNftTables().contains("hbt_" + first), "no nft table of the bed"),
                () -> assertFalse(Files.exists(stateDir), "state dir " + stateDir + " removed"));
        bed.down();
        assertFalse(HostState.netnsExists(netns), "a second down is a no-op and still leaves nothing");
    }

    @Test
    void twoBedsCoexistOnSeparateSubnets() {
        try (TestBed a = TestBed.up(BedSpec.builder().name(first).paths(1).size("16M").build());
                TestBed b = TestBed.up(BedSpec.builder().name(second).paths(1).size("16M").build())) {
            assertNotEquals(a.hostAddress(1), b.hostAddress(1), "each bed gets its own 10.250.x.0/20 slot");
            assertTrue(a.tools().discoverTargets(1).contains(a.targetIqn()), "bed a answers on its portal");
            assertTrue(b.tools().discoverTargets(1).contains(b.targetIqn()), "bed b answers on its portal");
            assertNotEquals(a.tools().deviceIdentification(1, 1), b.tools().deviceIdentification(1, 1),
                    "two beds must not share an LU identity, or a team would group them");
            assertTrue(a.scsiId(1).matches("[0-9a-f]{24}"), "tgt reads only hex digits of a SCSI id: " + a.scsiId(1));
            assertNotEquals(a.scsiId(1), b.scsiId(1), "each bed has its own SCSI id");
            // tgt turns the SCSI id into the NAA 6 designator digit by digit (anything but hex counts as 0):
            // with an all-hex id, the designator carries the whole id, so two beds' NAAs differ too.
            assertEquals("60000000" + a.scsiId(1), naa6(a.tools().vpdPage(1, 1, 0x83)), "bed a's NAA 6 is its SCSI id");
            assertEquals("60000000" + b.scsiId(1), naa6(b.tools().vpdPage(1, 1, 0x83)), "bed b's NAA 6 is its SCSI id");
        }
        assertFalse(HostState.netnsExists("hbt-" + first), "close() took bed a down");
        assertFalse(HostState.netnsExists("hbt-" + second), "close() took bed b down");
    }

    /** The hex of the NAA 6 designator in a raw VPD 0x83 page (libiscsi's iscsi-inq cuts it at a zero byte). */
    private static String naa6(byte[] page) {
        for (int at = 4; at + 4 <= page.length; at += 4 + (page[at + 3] & 0xff)) {
            int type = page[at + 1] & 0x0f;
            if (type == 3 && (page[at + 4] & 0xf0) == 0x60) {
                return HexFormat.of().formatHex(page, at + 4, at + 4 + (page[at + 3] & 0xff));
            }
        }
        throw new AssertionError("no NAA 6 designator in " + HexFormat.of().formatHex(page));
    }

    @Test
    void upOfABedThatIsUpFailsWithTheScriptsMessageAndLeavesItAlone() {
        BedSpec spec = BedSpec.builder().name(first).paths(1).size("16M").build();
        try (TestBed bed = TestBed.up(spec)) {
            TestBedException failure = assertThrows(TestBedException.class, () -> TestBed.up(spec), "the name is taken");
            assertTrue(failure.getMessage().contains("bed down " + first), "stderr tells what to do: " + failure.getMessage());
            assertEquals(bed.lunSizeBytes(), bed.tools().readCapacity16(1, 1).bytes(), "the running bed is untouched");
        }
    }
}
