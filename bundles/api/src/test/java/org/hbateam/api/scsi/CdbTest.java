package org.hbateam.api.scsi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

class CdbTest {

    @Test
    void read16EncodesLbaAndBlocksBigEndian() {
        byte[] cdb = Cdb.read16(0x0102030405060708L, 0x0A0B0C0D);
        assertArrayEquals(new byte[] {(byte) 0x88, 0, 1, 2, 3, 4, 5, 6, 7, 8, 0x0A, 0x0B, 0x0C, 0x0D, 0, 0}, cdb);
    }

    @Test
    void write10EncodesLbaAndBlocks() {
        byte[] cdb = Cdb.write10(0xA1B2C3D4L, 0x1234);
        assertArrayEquals(new byte[] {0x2A, 0, (byte) 0xA1, (byte) 0xB2, (byte) 0xC3, (byte) 0xD4, 0, 0x12, 0x34, 0}, cdb);
    }

    @Test
    void read10RejectsAnLbaBeyond32Bits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cdb.read10(1L << 32, 1));
        assertEquals("lba must be in [0, 4294967295], was 4294967296", e.getMessage());
    }

    @Test
    void lbaAndBlocksDecodeWhatTheBuildersEncode() {
        ScsiCommand c16 = ScsiCommand.read(Cdb.read16(123_456_789_012L, 77), ByteBuffer.allocate(77 * 512));
        assertEquals(123_456_789_012L, Cdb.lba(c16));
        assertEquals(77, Cdb.blocks(c16));
        ScsiCommand c10 = ScsiCommand.write(Cdb.write10(4242, 3), ByteBuffer.allocate(3 * 512));
        assertEquals(4242, Cdb.lba(c10));
        assertEquals(3, Cdb.blocks(c10));
    }

    @Test
    void inquiryVpdSetsEvpdPageAndAllocationLength() {
        byte[] cdb = Cdb.inquiryVpd(Cdb.VPD_DEVICE_ID, 0x1FF);
        assertArrayEquals(new byte[] {0x12, 1, (byte) 0x83, 0x01, (byte) 0xFF, 0}, cdb);
        assertEquals(0x1FF, Cdb.allocationLength(ScsiCommand.read(cdb, ByteBuffer.allocate(0x1FF))));
    }

    @Test
    void readCapacity16IsServiceActionIn() {
        byte[] cdb = Cdb.readCapacity16(32);
        assertEquals(0x9E, cdb[0] & 0xFF);
        assertEquals(0x10, cdb[1]);
        assertEquals(32, cdb[13]);
    }

    @Test
    void reportLunsCarriesItsAllocationLength() {
        byte[] cdb = Cdb.reportLuns(4096);
        assertEquals(12, cdb.length);
        assertEquals(0xA0, cdb[0] & 0xFF);
        assertEquals(4096, Cdb.allocationLength(ScsiCommand.read(cdb, ByteBuffer.allocate(4096))));
    }

    @Test
    void testUnitReadyIsSixZeroBytes() {
        assertArrayEquals(new byte[6], Cdb.testUnitReady());
    }

    @Test
    void lbaOfANonReadWriteCommandIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Cdb.lba(ScsiCommand.noData(Cdb.testUnitReady())));
    }
}
