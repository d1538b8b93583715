package org.hbateam.driver.sim.internal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import org.hbateam.api.scsi.Capacity;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.DeviceIdentification;
import org.hbateam.api.scsi.ReportLuns;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.scsi.ScsiStatus;
import org.hbateam.api.scsi.SenseKey;
import org.hbateam.api.scsi.StandardInquiry;
import org.hbateam.driver.sim.internal.config.LunSettings;
import org.junit.jupiter.api.Test;

class ScsiEmulatorTest {
    private static final int BLOCKS = 2048; // a 1 MiB LUN
    private final LunSettings settings = new LunSettings("iqn.test:t", 3, 1, "600144f0000000000000000000000abc",
            "SER123", List.of("hba0"));
    private final SimLun lun = new SimLun("pid", settings, new SparseStorage(1 << 20));
    private final ScsiEmulator emulator = new ScsiEmulator(lun, () -> List.of(0L, 3L, 300L));

    @Test
    void testUnitReadyIsGood() {
        assertEquals(ScsiResult.GOOD, emulator.execute(ScsiCommand.noData(Cdb.testUnitReady())),
                "TEST UNIT READY on a simulated LUN is always GOOD");
    }

    @Test
    void standardInquiryNamesVendorAndProduct() {
        ByteBuffer data = ByteBuffer.allocate(96);
        ScsiResult result = emulator.execute(ScsiCommand.read(Cdb.inquiry(96), data));

        StandardInquiry inquiry = StandardInquiry.parse(data);
        assertEquals(0, inquiry.deviceType(), "a simulated LUN is a direct-access block device");
        assertEquals("HBATEAM", inquiry.vendor(), "vendor");
        assertEquals("SIMLUN", inquiry.product(), "product");
        assertEquals(ScsiResult.good(96 - StandardInquiry.LENGTH), result, "GOOD with the unused buffer as residual");
    }

    @Test
    void inquiryIsCutToTheAllocationLength() {
        ByteBuffer data = ByteBuffer.allocate(20);
        ScsiResult result = emulator.execute(ScsiCommand.read(Cdb.inquiry(8), data));

        assertEquals(ScsiResult.good(12), result, "8 bytes allowed of a 20-byte buffer leaves a residual of 12");
        assertEquals(0, data.get(8), "nothing may be written past the allocation length");
        assertEquals(StandardInquiry.LENGTH - 5, data.get(4), "the additional length byte is within the 8 bytes sent");
    }

    @Test
    void aBufferSmallerThanTheDataReportsAnOverflow() {
        ByteBuffer data = ByteBuffer.allocate(10);
        ScsiResult result = emulator.execute(ScsiCommand.read(Cdb.inquiry(255), data));

        assertEquals(ScsiResult.good(10 - StandardInquiry.LENGTH), result, "36 bytes meant, 10 expected: residual -26");
    }

    @Test
    void vpdSupportedPagesListsTheThreePages() {
        ByteBuffer data = ByteBuffer.allocate(64);
        emulator.execute(ScsiCommand.read(Cdb.inquiryVpd(0x00, 64), data));

        byte[] head = new byte[7];
        data.get(0, head);
        assertArrayEquals(new byte[] {0, 0, 0, 3, 0, (byte) 0x80, (byte) 0x83}, head, "pages 0x00, 0x80, 0x83");
    }

    @Test
    void vpdSerialCarriesTheConfiguredSerial() {
        ByteBuffer data = ByteBuffer.allocate(64);
        emulator.execute(ScsiCommand.read(Cdb.inquiryVpd(Cdb.VPD_SERIAL, 64), data));

        assertEquals("SER123", DeviceIdentification.serial(data), "VPD 0x80 serial");
    }

    @Test
    void vpdDeviceIdentificationGivesTheLuIdentityOfThePaths() {
        ByteBuffer data = ByteBuffer.allocate(255);
        emulator.execute(ScsiCommand.read(Cdb.inquiryVpd(Cdb.VPD_DEVICE_ID, 255), data));

        assertEquals(settings.luIdentity(), DeviceIdentification.luIdentity(data).orElseThrow(),
                "VPD 0x83 must decode to the identity published as hbateam.lu.identity");
        assertEquals("naa.600144f0000000000000000000000abc", settings.luIdentity(), "the identity's form");
    }

    @Test
    void unsupportedVpdPageOrPageWithoutEvpdIsAnInvalidField() {
        ScsiCommand unknownPage = ScsiCommand.read(Cdb.inquiryVpd(0xB0, 64), ByteBuffer.allocate(64));
        byte[] pageWithoutEvpd = Cdb.inquiry(64);
        pageWithoutEvpd[2] = (byte) 0x83;

        assertCheckCondition(emulator.execute(unknownPage), 0x24, "an unsupported VPD page");
        assertCheckCondition(emulator.execute(ScsiCommand.read(pageWithoutEvpd, ByteBuffer.allocate(64))), 0x24,
                "a page code without EVPD");
    }

    @Test
    void readCapacity16GivesTheLastLbaAndBlockSize() {
        ByteBuffer data = ByteBuffer.allocate(32);
        ScsiResult result = emulator.execute(ScsiCommand.read(Cdb.readCapacity16(32), data));

        assertEquals(new Capacity(BLOCKS - 1, 512), Capacity.parse(data), "1 MiB in 512-byte blocks");
        assertEquals(ScsiResult.GOOD, result, "32 bytes asked, 32 sent");
    }

    @Test
    void readCapacityHonoursAShortAllocationLength() {
        ByteBuffer data = ByteBuffer.allocate(32);
        ScsiResult result = emulator.execute(ScsiCommand.read(Cdb.readCapacity16(12), data));

        assertEquals(ScsiResult.good(20), result, "12 bytes allowed of 32 expected");
        assertEquals(0, data.get(12), "nothing past the allocation length");
    }

    @Test
    void reportLunsListsTheLunsBehindTheTarget() {
        ByteBuffer data = ByteBuffer.allocate(64);
        emulator.execute(ScsiCommand.read(Cdb.reportLuns(64), data));

        assertEquals(List.of(0L, 3L, 300L), ReportLuns.parse(data), "the catalogue's LUNs, in order");
    }

    @Test
    void writeThenReadWith10And16ByteCdbs() {
        byte[] pattern = new byte[4 * 512];
        for (int i = 0; i < pattern.length; i++) {
            pattern[i] = (byte) (i * 31);
        }
        ScsiResult written = emulator.execute(ScsiCommand.write(Cdb.write10(100, 4), ByteBuffer.wrap(pattern)));
        ByteBuffer back = ByteBuffer.allocate(pattern.length);
        ScsiResult read = emulator.execute(ScsiCommand.read(Cdb.read16(100, 4), back));

        assertEquals(ScsiResult.GOOD, written, "WRITE(10)");
        assertEquals(ScsiResult.GOOD, read, "READ(16)");
        assertArrayEquals(pattern, back.array(), "READ(16) returns what WRITE(10) stored");
        emulator.execute(ScsiCommand.write(Cdb.write16(BLOCKS - 1, 1), ByteBuffer.wrap(pattern, 0, 512)));
        ByteBuffer last = ByteBuffer.allocate(512);
        emulator.execute(ScsiCommand.read(Cdb.read10(BLOCKS - 1, 1), last));
        assertArrayEquals(java.util.Arrays.copyOf(pattern, 512), last.array(), "the last block via WRITE(16)/READ(10)");
    }

    @Test
    void readingUnwrittenBlocksGivesZeros() {
        ByteBuffer back = ByteBuffer.wrap(new byte[512]);
        back.put(0, (byte) 9);
        emulator.execute(ScsiCommand.read(Cdb.read10(7, 1), back));

        assertArrayEquals(new byte[512], back.array(), "a never-written block reads as zeros");
    }

    @Test
    void lbaOutOfRangeIsRefused() {
        assertCheckCondition(emulator.execute(ScsiCommand.read(Cdb.read10(BLOCKS - 1, 2), ByteBuffer.allocate(1024))),
                0x21, "a read running past the last block");
        assertCheckCondition(emulator.execute(ScsiCommand.write(Cdb.write16(BLOCKS, 1), ByteBuffer.allocate(512))),
                0x21, "a write starting past the last block");
        assertCheckCondition(emulator.execute(ScsiCommand.read(Cdb.read16(Long.MAX_VALUE, 1), ByteBuffer.allocate(512))),
                0x21, "a huge LBA");
    }

    @Test
    void unknownOpcodeIsAnInvalidCommandOperationCode() {
        byte[] cdb = new byte[10];
        cdb[0] = (byte) 0x35; // SYNCHRONIZE CACHE(10), not emulated
        assertCheckCondition(emulator.execute(ScsiCommand.noData(cdb)), 0x20, "an opcode the LUN does not know");
    }

    @Test
    void transferLengthMismatchesAreHandled() {
        ByteBuffer big = ByteBuffer.allocate(2048);
        ScsiResult longRead = emulator.execute(ScsiCommand.read(Cdb.read10(0, 1), big));
        ScsiResult shortRead = emulator.execute(ScsiCommand.read(Cdb.read10(0, 2), ByteBuffer.allocate(512)));
        ScsiResult shortWrite = emulator.execute(ScsiCommand.write(Cdb.write10(0, 2), ByteBuffer.allocate(512)));
        ScsiResult wrongDirection = emulator.execute(ScsiCommand.write(Cdb.read10(0, 1), ByteBuffer.allocate(512)));

        assertEquals(ScsiResult.good(1536), longRead, "a buffer larger than the blocks is an underrun residual");
        assertEquals(ScsiResult.good(-512), shortRead, "a buffer smaller than the blocks is an overflow residual");
        assertCheckCondition(shortWrite, 0x24, "a write with fewer bytes than blocks must not write garbage");
        assertCheckCondition(wrongDirection, 0x24, "a READ CDB sent as a write");
    }

    private static void assertCheckCondition(ScsiResult result, int asc, String what) {
        assertEquals(ScsiStatus.CHECK_CONDITION, result.status(), what + ": status");
        assertEquals(SenseKey.ILLEGAL_REQUEST, result.sense().senseKey(), what + ": sense key");
        assertEquals(asc, result.sense().asc(), what + ": additional sense code");
        assertEquals(0, result.sense().ascq(), what + ": qualifier");
        assertTrue(!result.isGood(), what + ": not good");
    }
}
