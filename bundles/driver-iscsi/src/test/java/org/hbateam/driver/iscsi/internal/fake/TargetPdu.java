package org.hbateam.driver.iscsi.internal.fake;

import java.nio.ByteBuffer;

/** One PDU as the fake target sees it: header and data segment. */
public final class TargetPdu {
    public final ByteBuffer bhs;
    public final byte[] data;

    TargetPdu(ByteBuffer bhs, byte[] data) {
        this.bhs = bhs;
        this.data = data;
    }

    public int opcode() {
        return bhs.get(0) & 0x3f;
    }

    public boolean immediate() {
        return (bhs.get(0) & 0x40) != 0;
    }

    public int flags() {
        return bhs.get(1) & 0xff;
    }

    public int itt() {
        return bhs.getInt(16);
    }

    public int intAt(int offset) {
        return bhs.getInt(offset);
    }

    public int cdb(int index) {
        return bhs.get(32 + index) & 0xff;
    }

    /** A new 48-byte header for a target PDU. */
    public static ByteBuffer header(int opcode, int flags) {
        ByteBuffer b = ByteBuffer.allocate(48);
        b.put(0, (byte) opcode).put(1, (byte) flags);
        return b;
    }
}
