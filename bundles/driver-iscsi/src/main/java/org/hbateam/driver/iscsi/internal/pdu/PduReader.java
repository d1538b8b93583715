package org.hbateam.driver.iscsi.internal.pdu;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.zip.CRC32C;

/**
 * Reads PDUs from a channel and rejects anything malformed with a {@link ProtocolException} that says
 * what was wrong: an opcode a target may not send, a data segment longer than this side declared
 * (MaxRecvDataSegmentLength), a header or data digest mismatch, or a stream that ends inside a PDU.
 * Additional header segments are read, covered by the header digest and skipped.
 *
 * <p>Buffers are allocated once. A caller first {@link #readHeader()}s, then consumes the data segment
 * exactly once, with {@link #readData()} or {@link #readDataInto}. Not thread safe: one reader per connection.
 */
public final class PduReader {
    private static final int MAX_AHS_BYTES = 255 * 4;

    private final ReadableByteChannel channel;
    private final ByteBuffer header = ByteBuffer.allocateDirect(Bhs.LENGTH + MAX_AHS_BYTES);
    private final ByteBuffer word = ByteBuffer.allocate(4);
    private final ByteBuffer padding = ByteBuffer.allocate(4);
    private final Bhs bhs = new Bhs(header);
    private final CRC32C crc = new CRC32C();
    private ByteBuffer data;
    private int maxRecvDataSegmentLength;
    private boolean headerDigest;
    private boolean dataDigest;

    /** @param maxRecvDataSegmentLength the largest data segment this side accepts (8192 during login) */
    public PduReader(ReadableByteChannel channel, int maxRecvDataSegmentLength) {
        this.channel = channel;
        limits(maxRecvDataSegmentLength);
    }

    /** Sets the largest data segment accepted; grows the reused data buffer when needed. */
    public void limits(int maxRecvDataSegmentLength) {
        this.maxRecvDataSegmentLength = maxRecvDataSegmentLength;
        if (data == null || data.capacity() < maxRecvDataSegmentLength + 4) {
            data = ByteBuffer.allocate(maxRecvDataSegmentLength + 4);
        }
    }

    /** Turns the digests on or off; they apply from the first PDU after the login phase. */
    public void digests(boolean header, boolean data) {
        this.headerDigest = header;
        this.dataDigest = data;
    }

    /**
     * Reads and checks the next header. An orderly end of stream before its first byte is an
     * {@link EOFException}; an end inside it is a {@link ProtocolException}.
     */
    public Bhs readHeader() throws IOException {
        header.clear().limit(Bhs.LENGTH);
        if (!readFully(header, "Basic Header Segment", true)) {
            throw new EOFException("the target closed the connection");
        }
        int opcode = bhs.opcode();
        if (!Opcode.isTargetOpcode(opcode)) {
            throw new ProtocolException(String.format("unknown or unexpected opcode 0x%02x from the target", opcode));
        }
        int ahs = bhs.totalAhsLength() * 4;
        if (ahs > 0) {
            header.limit(Bhs.LENGTH + ahs);
            readFully(header, "additional header segment", false);
        }
        if (headerDigest) {
            checkHeaderDigest(Bhs.LENGTH + ahs);
        }
        int length = bhs.dataSegmentLength();
        if (length > maxRecvDataSegmentLength) {
            throw new ProtocolException(Opcode.name(opcode) + " data segment of " + length
                    + " bytes exceeds MaxRecvDataSegmentLength " + maxRecvDataSegmentLength);
        }
        return bhs;
    }

    private void checkHeaderDigest(int headerLength) throws IOException {
        header.position(0).limit(headerLength);
        int expected = Digests.crc32c(crc, header);
        int received = readWord("header digest");
        if (expected != received) {
            throw new ProtocolException(String.format("header digest mismatch on %s: received 0x%08x, computed 0x%08x",
                    Opcode.name(bhs.opcode()), received, expected));
        }
    }

    /** Reads the data segment into the reused buffer; the result is valid until the next read. */
    public ByteBuffer readData() throws IOException {
        int length = bhs.dataSegmentLength();
        data.clear().limit(length);
        readSegment(data);
        return data.flip();
    }

    /** Reads the data segment into {@code dst}, whose remaining bytes must equal the segment length. */
    public void readDataInto(ByteBuffer dst) throws IOException {
        if (dst.remaining() != bhs.dataSegmentLength()) {
            throw new IllegalArgumentException("destination holds " + dst.remaining() + " bytes, segment has "
                    + bhs.dataSegmentLength());
        }
        readSegment(dst);
    }

    private void readSegment(ByteBuffer dst) throws IOException {
        int start = dst.position();
        readFully(dst, "data segment", false);
        int pad = Digests.padding(dst.position() - start);
        padding.clear().limit(pad);
        readFully(padding, "data segment padding", false);
        if (dataDigest && dst.position() > start) {
            int end = dst.position();
            dst.position(start);
            int expected = Digests.crc32c(crc, dst, padding.flip());
            dst.position(end);
            int received = readWord("data digest");
            if (expected != received) {
                throw new ProtocolException(String.format("data digest mismatch on %s: received 0x%08x, computed 0x%08x",
                        Opcode.name(bhs.opcode()), received, expected));
            }
        }
    }

    private int readWord(String what) throws IOException {
        word.clear();
        readFully(word, what, false);
        return Digests.get(word, 0);
    }

    /** Fills {@code dst}; returns false only when {@code mayEnd} and the stream ended before any byte. */
    private boolean readFully(ByteBuffer dst, String what, boolean mayEnd) throws IOException {
        int start = dst.position();
        while (dst.hasRemaining()) {
            if (channel.read(dst) < 0) {
                if (mayEnd && dst.position() == start) {
                    return false;
                }
                throw new ProtocolException("stream truncated: the connection ended inside the " + what + " after "
                        + (dst.position() - start) + " of " + (dst.limit() - start) + " bytes");
            }
        }
        return true;
    }
}
