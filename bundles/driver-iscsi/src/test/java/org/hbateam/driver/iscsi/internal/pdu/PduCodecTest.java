package org.hbateam.driver.iscsi.internal.pdu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.Map;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** PDU encode/decode round trips through a pipe, and the reader's rejections of malformed input. */
class PduCodecTest {
    private Pipe pipe;
    private PduWriter writer;
    private PduReader reader;

    @BeforeEach
    void open() throws IOException {
        pipe = Pipe.open();
        writer = new PduWriter(pipe.sink());
        reader = new PduReader(pipe.source(), 8192);
    }

    @AfterEach
    void close() throws IOException {
        pipe.sink().close();
        pipe.source().close();
    }

    @ParameterizedTest(name = "{0} bytes, header digest {1}, data digest {2}")
    @CsvSource({"0,false,false", "1,false,false", "3,true,false", "4,false,true", "4097,true,true", "8192,true,true"})
    void dataInRoundTrips(int length, boolean headerDigest, boolean dataDigest) throws IOException {
        writer.digests(headerDigest, dataDigest);
        reader.digests(headerDigest, dataDigest);
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i * 31);
        }
        writer.header().opcode(Opcode.DATA_IN, false).flags(0x81).intAt(Bhs.ITT, 0x1234).intAt(40, 512).longAt(Bhs.LUN, 1L << 48);
        writer.send(length == 0 ? null : ByteBuffer.wrap(data));
        Bhs h = reader.readHeader();
        assertEquals(Opcode.DATA_IN, h.opcode(), "the opcode survives");
        assertEquals(0x81, h.flags(), "the flags survive");
        assertEquals(0x1234, h.itt(), "the ITT survives");
        assertEquals(512, h.intAt(40), "the buffer offset survives");
        assertEquals(1L << 48, h.longAt(Bhs.LUN), "the LUN survives");
        assertEquals(length, h.dataSegmentLength(), "the data segment length is set by the writer");
        ByteBuffer back = reader.readData();
        byte[] got = new byte[back.remaining()];
        back.get(got);
        assertArrayEquals(data, got, "the data survives, padding removed");
    }

    @Test
    void additionalHeaderSegmentsAreSkippedUnderTheHeaderDigest() throws IOException {
        reader.digests(true, false);
        ByteBuffer pdu = ByteBuffer.allocate(48 + 8 + 4 + 4);
        pdu.put(0, (byte) Opcode.SCSI_RESPONSE).put(1, (byte) 0x80).put(4, (byte) 2).put(7, (byte) 4).putInt(16, 77);
        CRC32C crc = new CRC32C();
        crc.update(pdu.array(), 0, 56);
        int digest = (int) crc.getValue();
        pdu.position(56);
        Digests.put(pdu, digest);
        pdu.put(new byte[] {1, 2, 3, 4}).flip();
        pipe.sink().write(pdu);
        Bhs h = reader.readHeader();
        assertEquals(77, h.itt(), "the header after the AHS is read");
        assertEquals(4, reader.readData().remaining(), "the data after the AHS is read");
    }

    @Test
    void crc32cGoesOnTheWireLeastSignificantByteFirst() {
        ByteBuffer out = ByteBuffer.allocate(4);
        Digests.put(out, Digests.crc32c(new CRC32C(), ByteBuffer.allocate(32)));
        assertArrayEquals(new byte[] {(byte) 0xaa, 0x36, (byte) 0x91, (byte) 0x8a}, out.array(),
                "RFC 3720 B.4: 32 zero bytes give aa 36 91 8a");
    }

    @Test
    void rejectsAnOpcodeATargetMayNotSend() throws IOException {
        writer.header().opcode(Opcode.SCSI_COMMAND, false);
        writer.send();
        ProtocolException e = assertThrows(ProtocolException.class, reader::readHeader);
        assertTrue(e.getMessage().contains("opcode 0x01"), "names the opcode: " + e.getMessage());
    }

    @Test
    void rejectsASegmentLongerThanDeclared() throws IOException {
        writer.header().opcode(Opcode.DATA_IN, false);
        writer.send(ByteBuffer.allocate(8196));
        ProtocolException e = assertThrows(ProtocolException.class, reader::readHeader);
        assertTrue(e.getMessage().contains("8196 bytes exceeds MaxRecvDataSegmentLength 8192"), e.getMessage());
    }

    @Test
    void rejectsADataDigestMismatch() throws IOException {
        reader.digests(false, true);
        ByteBuffer bad = ByteBuffer.allocate(48 + 16 + 4);
        bad.put(0, (byte) Opcode.DATA_IN).put(7, (byte) 16).putInt(64, 0xdeadbeef);
        pipe.sink().write(bad);
        reader.readHeader();
        ProtocolException e = assertThrows(ProtocolException.class, reader::readData);
        assertTrue(e.getMessage().startsWith("data digest mismatch on Data-In: received 0xefbeadde"), e.getMessage());
    }

    @Test
    void rejectsAHeaderDigestMismatch() throws IOException {
        reader.digests(true, false);
        ByteBuffer bad = ByteBuffer.allocate(48 + 4);
        bad.put(0, (byte) Opcode.NOP_IN).putInt(48, 0x01020304);
        pipe.sink().write(bad);
        ProtocolException e = assertThrows(ProtocolException.class, reader::readHeader);
        assertTrue(e.getMessage().startsWith("header digest mismatch on NOP-In"), e.getMessage());
    }

    @Test
    void anOrderlyEndBeforeAHeaderIsEndOfStreamAndAnEndInsideIsTruncation() throws IOException {
        pipe.sink().write(ByteBuffer.allocate(10));
        pipe.sink().close();
        ProtocolException e = assertThrows(ProtocolException.class, reader::readHeader);
        assertTrue(e.getMessage().contains("after 10 of 48 bytes"), e.getMessage());
        assertThrows(EOFException.class, reader::readHeader, "nothing more: an orderly end");
    }

    @Test
    void textKeysRoundTripAndRejectRepeats() throws ProtocolException {
        Map<String, String> keys = Map.of("MaxBurstLength", "4096");
        assertEquals(keys, TextKeys.decode(TextKeys.encode(keys)), "keys survive");
        assertThrows(ProtocolException.class, () -> TextKeys.decode(ByteBuffer.wrap("A=1\0A=2\0".getBytes())),
                "a repeated key is malformed");
        assertThrows(ProtocolException.class, () -> TextKeys.decode(ByteBuffer.wrap("novalue\0".getBytes())),
                "a key without '=' is malformed");
        assertEquals(2, TextKeys.decodePairs(ByteBuffer.wrap("TargetName=a\0TargetName=b\0".getBytes())).size(),
                "SendTargets answers may repeat TargetName");
    }
}
