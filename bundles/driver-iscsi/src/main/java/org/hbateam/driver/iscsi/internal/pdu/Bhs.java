package org.hbateam.driver.iscsi.internal.pdu;

import java.nio.ByteBuffer;

/**
 * A view of one 48-byte Basic Header Segment (RFC 7143 11.2.1) over a reused buffer. Field offsets are
 * the RFC's; the accessors read and write big-endian at absolute positions and never allocate, so the hot
 * path can compose and parse headers in place.
 */
public final class Bhs {
    public static final int LENGTH = 48;

    // Offsets shared by most PDUs.
    public static final int LUN = 8;
    public static final int ITT = 16;
    public static final int TTT = 20;
    /** CmdSN in initiator PDUs, StatSN in target PDUs. */
    public static final int SN1 = 24;
    /** ExpStatSN in initiator PDUs, ExpCmdSN in target PDUs. */
    public static final int SN2 = 28;
    /** MaxCmdSN in target PDUs. */
    public static final int SN3 = 32;
    public static final int WORD36 = 36;
    public static final int WORD40 = 40;
    public static final int WORD44 = 44;

    private final ByteBuffer buffer;

    /** Wraps the first 48 bytes of {@code buffer} (absolute access from index 0). */
    public Bhs(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    /** Zeroes all 48 bytes, for composing a new header. */
    public Bhs clear() {
        for (int i = 0; i < LENGTH; i += 8) {
            buffer.putLong(i, 0L);
        }
        return this;
    }

    public int opcode() {
        return buffer.get(0) & 0x3f;
    }

    public boolean immediate() {
        return (buffer.get(0) & Opcode.IMMEDIATE) != 0;
    }

    public Bhs opcode(int opcode, boolean immediate) {
        buffer.put(0, (byte) (opcode | (immediate ? Opcode.IMMEDIATE : 0)));
        return this;
    }

    public int flags() {
        return buffer.get(1) & 0xff;
    }

    public Bhs flags(int flags) {
        buffer.put(1, (byte) flags);
        return this;
    }

    public boolean isFinal() {
        return (flags() & Opcode.FINAL) != 0;
    }

    public int byteAt(int index) {
        return buffer.get(index) & 0xff;
    }

    public Bhs byteAt(int index, int value) {
        buffer.put(index, (byte) value);
        return this;
    }

    /** TotalAHSLength in 4-byte words. */
    public int totalAhsLength() {
        return byteAt(4);
    }

    public int dataSegmentLength() {
        return (byteAt(5) << 16) | (byteAt(6) << 8) | byteAt(7);
    }

    public Bhs dataSegmentLength(int length) {
        if (length < 0 || length > 0xffffff) {
            throw new IllegalArgumentException("data segment length must be in [0, 16777215], was " + length);
        }
        buffer.put(5, (byte) (length >>> 16)).put(6, (byte) (length >>> 8)).put(7, (byte) length);
        return this;
    }

    public int intAt(int offset) {
        return buffer.getInt(offset);
    }

    public Bhs intAt(int offset, int value) {
        buffer.putInt(offset, value);
        return this;
    }

    public short shortAt(int offset) {
        return buffer.getShort(offset);
    }

    public Bhs shortAt(int offset, int value) {
        buffer.putShort(offset, (short) value);
        return this;
    }

    public long longAt(int offset) {
        return buffer.getLong(offset);
    }

    public Bhs longAt(int offset, long value) {
        buffer.putLong(offset, value);
        return this;
    }

    /** Copies {@code length} bytes from {@code src} into the header at {@code offset}. */
    public Bhs bytes(int offset, byte[] src, int length) {
        buffer.put(offset, src, 0, length);
        return this;
    }

    /** Copies header bytes at {@code offset} into {@code dst}. */
    public void copyTo(int offset, byte[] dst) {
        buffer.get(offset, dst);
    }

    public int itt() {
        return intAt(ITT);
    }

    public int ttt() {
        return intAt(TTT);
    }

    /** The target's StatSN (target PDUs). */
    public int statSn() {
        return intAt(SN1);
    }

    public int expCmdSn() {
        return intAt(SN2);
    }

    public int maxCmdSn() {
        return intAt(SN3);
    }

    @Override
    public String toString() {
        return Opcode.name(opcode()) + String.format("[flags=0x%02x itt=0x%08x dsl=%d]", flags(), itt(), dataSegmentLength());
    }
}
