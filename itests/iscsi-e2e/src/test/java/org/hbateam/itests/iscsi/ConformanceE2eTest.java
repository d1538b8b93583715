package org.hbateam.itests.iscsi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;

import org.hbateam.api.scsi.Capacity;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.ReportLuns;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.driver.iscsi.internal.IscsiPath;
import org.hbateam.driver.iscsi.internal.login.ChapCredentials;
import org.hbateam.driver.iscsi.internal.login.Negotiated;
import org.hbateam.driver.iscsi.internal.login.Proposal;
import org.hbateam.testbed.BedConfig;
import org.hbateam.testbed.TestBed;
import org.hbateam.testbed.TestBedExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Login, discovery, INQUIRY, READ CAPACITY(16), REPORT LUNS and READ/WRITE(16) from 512 B to 4 MiB
 * against a real tgtd, with and without digests, with and without ImmediateData, and with a small
 * MaxBurstLength so writes go through R2T.
 */
@ExtendWith(TestBedExtension.class)
@BedConfig(paths = 1, size = "64M")
class ConformanceE2eTest {
    private static final int[] SIZES = {512, 4096, 65536, 262144, 1 << 20, 4 << 20};

    enum Mode {
        PLAIN(new Proposal(false, false, 262144, 1048576, 65536, false, true, 1)),
        DIGESTS(new Proposal(true, true, 262144, 1048576, 65536, false, true, 1)),
        NO_IMMEDIATE_DATA(new Proposal(false, false, 262144, 1048576, 65536, true, false, 1)),
        SMALL_BURST_WITH_DIGESTS(new Proposal(true, true, 8192, 8192, 4096, true, true, 1));

        final Proposal proposal;

        Mode(Proposal proposal) {
            this.proposal = proposal;
        }
    }

    /** tgt offers only None until told otherwise; CRC32C first makes it pick digests when asked for them. */
    @BeforeAll
    static void letTheTargetAcceptDigests(TestBed bed) throws Exception {
        for (String key : new String[] {"HeaderDigest", "DataDigest"}) {
            String port = bed.summary().get("CONTROL_PORT");
            ProcessBuilder tgtadm = new ProcessBuilder("tgtadm", "-C", port, "--lld", "iscsi", "--op", "update",
                    "--mode", "target", "--tid", "1", "--name", key, "--value", "CRC32C,None").redirectErrorStream(true);
            tgtadm.environment().put("TGT_IPC_SOCKET", bed.stateDir().resolve("tgtd.sock").toString());
            Process process = tgtadm.start();
            String output = new String(process.getInputStream().readAllBytes());
            assertEquals(0, process.waitFor(), "tgtadm must accept the digest list: " + output);
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void conformsInEveryMode(Mode mode, TestBed bed) throws Exception {
        try (E2eAdapter driver = new E2eAdapter(bed, 1, mode.proposal)) {
            IscsiPath path = driver.path(1);
            Negotiated n = path.parameters();
            assertEquals(mode.proposal.headerDigest(), n.headerDigest(), "header digest as asked, tgt agrees");
            assertEquals(mode.proposal.dataDigest(), n.dataDigest(), "data digest as asked, tgt agrees");
            assertTrue(n.maxBurstLength() <= mode.proposal.maxBurstLength(), "MaxBurstLength honoured");
            if (!mode.proposal.immediateData()) {
                assertEquals(false, n.immediateData(), "ImmediateData=No honoured");
            }
            checkScsiBasics(bed, path);
            checkReadWrite(path, new Random(mode.ordinal()));
        }
    }

    @Test
    void discoversTheTargetWithSendTargets(TestBed bed) throws Exception {
        try (E2eAdapter driver = new E2eAdapter(bed, 1, Proposal.defaults(), ChapCredentials.none(), true, 1000, 3000)) {
            IscsiPath path = driver.path(1);
            assertEquals(bed.targetIqn(), path.target(), "the target found by SendTargets");
            byte[] data = new byte[4096];
            new Random(5).nextBytes(data);
            E2eAdapter.write(path, 4096, data);
            byte[] back = new byte[4096];
            E2eAdapter.read(path, 4096, back);
            assertArrayEquals(data, back, "I/O through the discovered session");
        }
    }

    private static void checkScsiBasics(TestBed bed, IscsiPath path) throws Exception {
        ByteBuffer inquiry = ByteBuffer.allocate(96);
        ScsiResult result = E2eAdapter.runPastUnitAttention(path, ScsiCommand.read(Cdb.inquiry(96), inquiry));
        assertTrue(result.isGood(), "INQUIRY answers GOOD: " + result);
        assertEquals(0, inquiry.get(0), "a connected direct-access block device");
        assertTrue(path.luIdentity().startsWith("naa."), "the LU identity comes from VPD 0x83: " + path.luIdentity());

        ByteBuffer capacity = ByteBuffer.allocate(32);
        E2eAdapter.runPastUnitAttention(path, ScsiCommand.read(Cdb.readCapacity16(32), capacity));
        Capacity c = Capacity.parse(capacity);
        assertEquals(512, c.blockSize(), "tgt's block size");
        assertEquals(bed.lunSizeBytes(), c.bytes(), "the LUN's size");

        ByteBuffer luns = ByteBuffer.allocate(256);
        E2eAdapter.runPastUnitAttention(path, ScsiCommand.read(Cdb.reportLuns(256), luns));
        assertEquals(List.of(0L, 1L), ReportLuns.parse(luns), "tgt's controller LUN 0 and the disk LUN 1");
    }

    private static void checkReadWrite(IscsiPath path, Random random) throws Exception {
        long lba = 0;
        for (int size : SIZES) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            assertTrue(E2eAdapter.write(path, lba, data).isGood(), "WRITE(16) of " + size + " bytes");
            byte[] back = new byte[size];
            assertTrue(E2eAdapter.read(path, lba, back).isGood(), "READ(16) of " + size + " bytes");
            assertArrayEquals(data, back, size + " bytes read back byte-exact");
            lba += size / 512;
        }
    }
}
