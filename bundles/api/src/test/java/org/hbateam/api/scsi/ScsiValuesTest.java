package org.hbateam.api.scsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;

class ScsiValuesTest {

    @Test
    void commandRejectsABufferSmallerThanTheTransfer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ScsiCommand(Cdb.read16(0, 2), Direction.READ, 1024, ByteBuffer.allocate(512)));
        assertEquals("the data buffer holds 512 bytes, the command needs 1024", e.getMessage());
    }

    @Test
    void commandWithoutDirectionCannotMoveBytes() {
        assertThrows(IllegalArgumentException.class,
                () -> new ScsiCommand(Cdb.testUnitReady(), Direction.NONE, 512, ByteBuffer.allocate(512)));
    }

    @Test
    void commandKeepsItsOwnCopyOfTheCdb() {
        byte[] cdb = Cdb.read16(5, 1);
        ScsiCommand command = ScsiCommand.read(cdb, ByteBuffer.allocate(512));
        cdb[0] = 0;
        assertEquals(Cdb.READ_16, command.opcode(), "changing the caller's array must not change the command");
    }

    @Test
    void dataViewCoversExactlyTheRegionAndNeverMovesTheCallersBuffer() {
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        buffer.position(512);
        ScsiCommand command = ScsiCommand.write(Cdb.write16(0, 2), buffer.slice(512, 1024));
        ByteBuffer view = command.dataView();
        assertEquals(1024, view.remaining());
        view.position(100);
        assertEquals(0, command.data().position(), "the caller's buffer position must not move");
    }

    @Test
    void senseDecodesFixedAndDescriptorFormats() {
        SenseData fixed = SenseData.fixed(SenseKey.UNIT_ATTENTION, 0x29, 0x00);
        assertEquals(SenseKey.UNIT_ATTENTION, fixed.senseKey());
        assertEquals(0x29, fixed.asc());
        SenseData descriptor = SenseData.of(new byte[] {0x72, 0x05, 0x24, 0x01, 0, 0, 0, 0});
        assertEquals(SenseKey.ILLEGAL_REQUEST, descriptor.senseKey());
        assertEquals(0x24, descriptor.asc());
        assertEquals(0x01, descriptor.ascq());
    }

    @Test
    void truncatedSenseDecodesToZeroInsteadOfThrowing() {
        SenseData shortSense = SenseData.of(new byte[] {0x70});
        assertEquals(0, shortSense.senseKey());
        assertEquals(0, shortSense.asc());
    }

    @Test
    void resultClassifiesGoodAndUnitAttention() {
        assertSame(ScsiResult.GOOD, ScsiResult.good(0), "a good result without residual must be shared");
        assertTrue(ScsiResult.GOOD.isGood());
        ScsiResult ua = ScsiResult.checkCondition(SenseKey.UNIT_ATTENTION, 0x29, 0);
        assertTrue(ua.isUnitAttention());
        assertFalse(ua.isGood());
        assertEquals("CHECK_CONDITION (key=0x6 asc=0x29 ascq=0x00)", ua.toString());
    }

    @Test
    void standardInquiryRoundTrips() {
        StandardInquiry inquiry = new StandardInquiry(0, "HBATEAM", "SIMLUN", "0001");
        assertEquals(inquiry, StandardInquiry.parse(ByteBuffer.wrap(inquiry.encode())));
    }

    @Test
    void luIdentityPrefersTheNaaDesignator() {
        byte[] naa = {0x60, 0x01, 0x44, (byte) 0xF0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        String identity = DeviceIdentification.luIdentity(ByteBuffer.wrap(DeviceIdentification.encodeNaaPage(naa))).orElseThrow();
        assertEquals("naa.600144f00102030405060708090a0b0c", identity);
    }

    @Test
    void luIdentityRejectsADesignatorThatOverrunsThePage() {
        byte[] page = DeviceIdentification.encodeNaaPage(new byte[16]);
        page[7] = 40;
        assertThrows(IllegalArgumentException.class, () -> DeviceIdentification.luIdentity(ByteBuffer.wrap(page)));
    }

    @Test
    void serialRoundTrips() {
        assertEquals("SIM0001", DeviceIdentification.serial(ByteBuffer.wrap(DeviceIdentification.encodeSerialPage("SIM0001"))));
    }

    @Test
    void capacityRoundTripsAndComputesBytes() {
        Capacity capacity = new Capacity(2047, 512);
        assertEquals(capacity, Capacity.parse(ByteBuffer.wrap(capacity.encode())));
        assertEquals(1024 * 1024, capacity.bytes());
    }

    @Test
    void reportLunsRoundTripsPeripheralAndFlatAddressing() {
        List<Long> luns = List.of(0L, 1L, 300L);
        assertEquals(luns, ReportLuns.parse(ByteBuffer.wrap(ReportLuns.encode(luns))));
    }
}
