package org.hbateam.driver.iscsi.internal.fake;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/** The fake target's side of one connection: reads initiator PDUs and writes target PDUs, with digests. */
public final class TargetWire {
    private final DataInputStream in;
    private final OutputStream out;
    private final CRC32C crc = new CRC32C();
    volatile boolean headerDigest;
    volatile boolean dataDigest;

    TargetWire(Socket socket) throws IOException {
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Reads one PDU; returns null at end of stream. */
    TargetPdu read() throws IOException {
        byte[] header = new byte[48];
        int first = in.read();
        if (first < 0) {
            return null;
        }
        header[0] = (byte) first;
        in.readFully(header, 1, 47);
        ByteBuffer bhs = ByteBuffer.wrap(header);
        in.skipNBytes((header[4] & 0xff) * 4L);
        if (headerDigest) {
            in.skipNBytes(4);
        }
        int length = (header[5] & 0xff) << 16 | (header[6] & 0xff) << 8 | (header[7] & 0xff);
        byte[] data = new byte[length];
        in.readFully(data);
        in.skipNBytes((4 - (length & 3)) & 3);
        if (dataDigest && length > 0) {
            in.skipNBytes(4);
        }
        return new TargetPdu(bhs, data);
    }

    /** Writes a PDU with correct length, padding and digests. */
    public synchronized void send(ByteBuffer bhs, byte[] data) throws IOException {
        int length = data == null ? 0 : data.length;
        bhs.put(5, (byte) (length >>> 16)).put(6, (byte) (length >>> 8)).put(7, (byte) length);
        out.write(bhs.array(), 0, 48);
        if (headerDigest) {
            out.write(digest(bhs.array(), 48, null));
        }
        if (length > 0) {
            byte[] pad = new byte[(4 - (length & 3)) & 3];
            out.write(data);
            out.write(pad);
            if (dataDigest) {
                byte[] padded = new byte[length + pad.length];
                System.arraycopy(data, 0, padded, 0, length);
                out.write(digest(padded, padded.length, null));
            }
        }
        out.flush();
    }

    /** Writes raw bytes, for malformed PDUs. */
    public synchronized void raw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The digest bytes in wire order, optionally corrupted. */
    public byte[] digest(byte[] bytes, int length, Integer xor) {
        crc.reset();
        crc.update(bytes, 0, length);
        int v = (int) crc.getValue() ^ (xor == null ? 0 : xor);
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }
}
