package org.hbateam.driver.iscsi.internal.pdu;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.zip.CRC32C;

/**
 * Writes PDUs to a channel with one gathering write per PDU: header, header digest, the caller's data
 * slice (never copied), padding and data digest. All buffers are allocated once. Not thread safe: the
 * connection serialises writers under its send lock.
 */
public final class PduWriter {
    private final GatheringByteChannel channel;
    private final ByteBuffer header = ByteBuffer.allocateDirect(Bhs.LENGTH + 4);
    private final ByteBuffer trailer = ByteBuffer.allocateDirect(8);
    private final ByteBuffer[] parts = new ByteBuffer[3];
    private final Bhs bhs = new Bhs(header);
    private final CRC32C crc = new CRC32C();
    private boolean headerDigest;
    private boolean dataDigest;

    public PduWriter(GatheringByteChannel channel) {
        this.channel = channel;
    }

    /** Turns the digests on or off; they apply from the first PDU after the login phase. */
    public void digests(boolean header, boolean data) {
        this.headerDigest = header;
        this.dataDigest = data;
    }

    /** The header to compose next, cleared. */
    public Bhs header() {
        return bhs.clear();
    }

    /** Sends the composed header with no data segment. */
    public void send() throws IOException {
        send(null);
    }

    /**
     * Sends the composed header and {@code data} (position to limit; null for none). The data segment
     * length is set from {@code data}. The position of {@code data} is restored afterwards; the buffer
     * itself is written, not a copy, so the caller keeps it unchanged until this returns.
     */
    public void send(ByteBuffer data) throws IOException {
        int length = data == null ? 0 : data.remaining();
        bhs.dataSegmentLength(length);
        header.clear().limit(Bhs.LENGTH);
        if (headerDigest) {
            int digest = Digests.crc32c(crc, header);
            header.limit(Bhs.LENGTH + 4).position(Bhs.LENGTH);
            Digests.put(header, digest);
            header.position(0);
        }
        trailer.clear();
        ByteBuffer payload = null;
        if (length > 0) {
            payload = data;
            for (int i = Digests.padding(length); i > 0; i--) {
                trailer.put((byte) 0);
            }
            if (dataDigest) {
                int pad = trailer.position();
                trailer.flip();
                int digest = Digests.crc32c(crc, payload, trailer);
                trailer.limit(trailer.capacity()).position(pad);
                Digests.put(trailer, digest);
            }
        }
        trailer.flip();
        int position = payload == null ? 0 : payload.position();
        try {
            writeFully(payload);
        } finally {
            if (payload != null) {
                payload.position(position);
            }
        }
    }

    private void writeFully(ByteBuffer payload) throws IOException {
        parts[0] = header;
        parts[1] = payload == null ? trailer : payload;
        parts[2] = trailer;
        int count = payload == null ? 2 : 3;
        long total = header.remaining() + (payload == null ? 0 : payload.remaining()) + trailer.remaining();
        while (total > 0) {
            total -= channel.write(parts, 0, count);
        }
        parts[1] = null;
    }
}
