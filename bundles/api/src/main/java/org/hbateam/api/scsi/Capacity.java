package org.hbateam.api.scsi;

import java.nio.ByteBuffer;

/**
 * READ CAPACITY(16) parameter data (SBC-4 5.20.2).
 *
 * @param lastLba   the address of the last logical block
 * @param blockSize the logical block length in bytes
 */
public record Capacity(long lastLba, int blockSize) {
    /** The length of the data {@link #encode()} produces. */
    public static final int LENGTH = 32;

    public Capacity {
        if (blockSize <= 0) {
            throw new IllegalArgumentException("blockSize must be > 0, was " + blockSize);
        }
    }

    /** The capacity in bytes. */
    public long bytes() {
        return (lastLba + 1) * blockSize;
    }

    /** Decodes READ CAPACITY(16) data; needs at least 12 bytes. */
    public static Capacity parse(ByteBuffer data) {
        ByteBuffer b = data.duplicate();
        if (b.remaining() < 12) {
            throw new IllegalArgumentException("READ CAPACITY(16) data needs 12 bytes, got " + b.remaining());
        }
        return new Capacity(b.getLong(b.position()), b.getInt(b.position() + 8));
    }

    public byte[] encode() {
        byte[] b = new byte[LENGTH];
        Cdb.putBigEndian(b, 0, 8, lastLba);
        Cdb.putBigEndian(b, 8, 4, blockSize);
        return b;
    }
}
