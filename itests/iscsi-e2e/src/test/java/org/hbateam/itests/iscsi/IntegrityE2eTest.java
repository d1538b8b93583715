package org.hbateam.itests.iscsi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Random;

import org.hbateam.driver.iscsi.internal.IscsiPath;
import org.hbateam.driver.iscsi.internal.login.Proposal;
import org.hbateam.testbed.BedConfig;
import org.hbateam.testbed.TestBed;
import org.hbateam.testbed.TestBedExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What this driver writes through one portal reads back byte-exact through libiscsi on another, and the other way round. */
@ExtendWith(TestBedExtension.class)
@BedConfig(paths = 2, size = "64M")
class IntegrityE2eTest {
    @Test
    void twoAdaptersOnTwoPortalsGiveTwoPathsOfOneLogicalUnit(TestBed bed) throws Exception {
        try (E2eAdapter first = new E2eAdapter(bed, 1, Proposal.defaults());
             E2eAdapter second = new E2eAdapter(bed, 2, Proposal.defaults())) {
            IscsiPath one = first.path(1);
            IscsiPath two = second.path(1);
            assertEquals(one.luIdentity(), two.luIdentity(), "both portals report the same LU identity: one team");
            assertNotEquals(one.sessionId(), two.sessionId(), "one session per adapter and portal");
            assertNotEquals(one.id(), two.id(), "two distinct path ids");
            byte[] data = new byte[131072];
            new Random(13).nextBytes(data);
            E2eAdapter.write(one, 16384, data);
            byte[] back = new byte[data.length];
            E2eAdapter.read(two, 16384, back);
            assertArrayEquals(data, back, "written through one path, read back through the other");
        }
    }

    @Test
    void ourWritesReadBackThroughLibiscsiOnTheOtherPortal(TestBed bed) throws Exception {
        byte[] data = new byte[1 << 20];
        new Random(11).nextBytes(data);
        try (E2eAdapter driver = new E2eAdapter(bed, 1, Proposal.defaults())) {
            E2eAdapter.write(driver.path(1), 2048, data);
        }
        assertArrayEquals(data, bed.tools().read(2, 1, 2048, data.length / 512),
                "libiscsi through path 2 reads what hbateam wrote through path 1");
    }

    @Test
    void libiscsiWritesReadBackThroughUsOnTheOtherPortal(TestBed bed) throws Exception {
        byte[] data = new byte[1 << 20];
        new Random(12).nextBytes(data);
        bed.tools().write(2, 1, 8192, data);
        byte[] back = new byte[data.length];
        try (E2eAdapter driver = new E2eAdapter(bed, 1, new Proposal(true, true, 65536, 65536, 16384, true, false, 1))) {
            E2eAdapter.read(driver.path(1), 8192, back);
        }
        assertArrayEquals(data, back, "hbateam through path 1 reads what libiscsi wrote through path 2");
    }
}
