package org.hbateam.driver.iscsi.internal.pdu;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * CRC32C header and data digests (RFC 7143 13.1). The 32-bit value goes on the wire least significant
 * byte first: the RFC 3720 B.4 example of 32 zero bytes, CRC 0x8a9136aa, is sent as aa 36 91 8a.
 */
final class Digests {
    private Digests() {
    }

    /** Computes the digest of {@code parts}, from each one's position to its limit, without moving them. */
    static int crc32c(CRC32C crc, ByteBuffer... parts) {
        crc.reset();
        for (ByteBuffer part : parts) {
            if (part != null) {
                int position = part.position();
                crc.update(part);
                part.position(position);
            }
        }
        return (int) crc.getValue();
    }

    /** Writes {@code digest} in wire order at the buffer's position, advancing it. */
    static void put(ByteBuffer dst, int digest) {
        dst.put((byte) digest).put((byte) (digest >>> 8)).put((byte) (digest >>> 16)).put((byte) (digest >>> 24));
    }

    /** Reads a digest in wire order from absolute {@code index}. */
    static int get(ByteBuffer src, int index) {
        return (src.get(index) & 0xff) | (src.get(index + 1) & 0xff) << 8
                | (src.get(index + 2) & 0xff) << 16 | (src.get(index + 3) & 0xff) << 24;
    }

    /** The number of zero bytes that pad a segment of {@code length} bytes to a 4-byte boundary. */
    static int padding(int length) {
        return (4 - (length & 3)) & 3;
    }
}
