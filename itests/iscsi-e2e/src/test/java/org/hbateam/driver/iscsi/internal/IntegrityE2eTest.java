package org.hbateam.driver.iscsi.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;

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
