package org.hbateam.api.scsi;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One SCSI command: its CDB, data direction, expected byte count and data buffer.
 *
 * <p>The data region is {@code data.position()} to {@code data.position() + transferLength}. Drivers
 * read and write it with absolute access, or through {@link #dataView()}, and never move the caller's
 * position or limit. That keeps a command re-sendable: the failover service retries the same object on
 * another path after a path error, and a retried READ simply overwrites what a failed path left.
 *
 * <p>Immutable apart from the contents of the data buffer.
 */
public final class ScsiCommand {
    private final byte[] cdb;
    private final Direction direction;
    private final int transferLength;
    private final ByteBuffer data;

    /**
     * @param cdb            the command descriptor block, 6 to 16 bytes (or up to 260 for variable length)
     * @param direction      the data direction
     * @param transferLength bytes to move; 0 when the direction is {@link Direction#NONE}
     * @param data           the buffer holding at least {@code transferLength} bytes from its position,
     *                       or null when {@code transferLength} is 0
     * @throws IllegalArgumentException when the pieces disagree
     */
    public ScsiCommand(byte[] cdb, Direction direction, int transferLength, ByteBuffer data) {
        this.cdb = Objects.requireNonNull(cdb, "cdb").clone();
        this.direction = Objects.requireNonNull(direction, "direction");
        this.transferLength = transferLength;
        this.data = data;
        validate();
    }

    /** A command with no data phase. */
    public static ScsiCommand noData(byte[] cdb) {
        return new ScsiCommand(cdb, Direction.NONE, 0, null);
    }

    /** A command that reads {@code into.remaining()} bytes into {@code into}. */
    public static ScsiCommand read(byte[] cdb, ByteBuffer into) {
        return new ScsiCommand(cdb, Direction.READ, into.remaining(), into);
    }

    /** A command that writes {@code from.remaining()} bytes from {@code from}. */
    public static ScsiCommand write(byte[] cdb, ByteBuffer from) {
        return new ScsiCommand(cdb, Direction.WRITE, from.remaining(), from);
    }

    private void validate() {
        if (cdb.length < 6 || cdb.length > 260) {
            throw new IllegalArgumentException("CDB length must be 6 to 260 bytes, was " + cdb.length);
        }
        if (transferLength < 0) {
            throw new IllegalArgumentException("transferLength must be >= 0, was " + transferLength);
        }
        if (direction == Direction.NONE && transferLength != 0) {
            throw new IllegalArgumentException("a command with no data direction cannot move " + transferLength + " bytes");
        }
        if (transferLength > 0 && (data == null || data.remaining() < transferLength)) {
            throw new IllegalArgumentException("the data buffer holds "
                    + (data == null ? 0 : data.remaining()) + " bytes, the command needs " + transferLength);
        }
    }

    /** The operation code, CDB byte 0. */
    public int opcode() {
        return cdb[0] & 0xFF;
    }

    /** A copy of the CDB. */
    public byte[] cdb() {
        return cdb.clone();
    }

    /** Copies the CDB into {@code dst} at {@code offset} without allocating; returns the CDB length. */
    public int copyCdb(byte[] dst, int offset) {
        System.arraycopy(cdb, 0, dst, offset, cdb.length);
        return cdb.length;
    }

    /** The CDB length in bytes. */
    public int cdbLength() {
        return cdb.length;
    }

    /** Reads CDB byte {@code index} as an unsigned value. */
    public int cdbByte(int index) {
        return cdb[index] & 0xFF;
    }

    public Direction direction() {
        return direction;
    }

    public int transferLength() {
        return transferLength;
    }

    /** The caller's buffer itself; drivers use absolute access from {@link #dataOffset()}. Null when there is no data. */
    public ByteBuffer data() {
        return data;
    }

    /** Where the data region starts in {@link #data()}. */
    public int dataOffset() {
        return data == null ? 0 : data.position();
    }

    /** A fresh view of exactly the data region, positioned at 0; moving it never moves the caller's buffer. */
    public ByteBuffer dataView() {
        if (data == null) {
            return ByteBuffer.allocate(0);
        }
        return data.slice(data.position(), transferLength); // one view object, not a duplicate and then a slice
    }

    @Override
    public String toString() {
        return String.format("%s[op=0x%02x %s %d bytes]", Cdb.name(opcode()), opcode(), direction, transferLength);
    }
}
