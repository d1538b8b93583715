package org.hbateam.api.scsi;

/**
 * Builds and decodes the CDBs hbateam uses (SBC-4, SPC-4). Every builder returns a new array;
 * every decoder reads big-endian fields as the standards define them.
 */
public final class Cdb {
    public static final int TEST_UNIT_READY = 0x00;
    public static final int INQUIRY = 0x12;
    public static final int READ_10 = 0x28;
    public static final int WRITE_10 = 0x2A;
    public static final int READ_16 = 0x88;
    public static final int WRITE_16 = 0x8A;
    public static final int SERVICE_ACTION_IN_16 = 0x9E;
    public static final int READ_CAPACITY_16_SA = 0x10;
    public static final int REPORT_LUNS = 0xA0;

    /** VPD page: unit serial number. */
    public static final int VPD_SERIAL = 0x80;
    /** VPD page: device identification. */
    public static final int VPD_DEVICE_ID = 0x83;

    private Cdb() {
    }

    public static byte[] testUnitReady() {
        return new byte[6];
    }

    /** Standard INQUIRY data. */
    public static byte[] inquiry(int allocationLength) {
        return inquiryCdb(false, 0, allocationLength);
    }

    /** INQUIRY with EVPD set, for a vital product data page such as {@link #VPD_DEVICE_ID}. */
    public static byte[] inquiryVpd(int page, int allocationLength) {
        return inquiryCdb(true, page, allocationLength);
    }

    private static byte[] inquiryCdb(boolean evpd, int page, int allocationLength) {
        checkRange("allocationLength", allocationLength, 0, 0xFFFF);
        byte[] cdb = new byte[6];
        cdb[0] = INQUIRY;
        cdb[1] = (byte) (evpd ? 1 : 0);
        cdb[2] = (byte) page;
        putBigEndian(cdb, 3, 2, allocationLength);
        return cdb;
    }

    public static byte[] read10(long lba, int blocks) {
        return rw10(READ_10, lba, blocks);
    }

    public static byte[] write10(long lba, int blocks) {
        return rw10(WRITE_10, lba, blocks);
    }

    private static byte[] rw10(int opcode, long lba, int blocks) {
        checkRange("lba", lba, 0, 0xFFFF_FFFFL);
        checkRange("blocks", blocks, 0, 0xFFFF);
        byte[] cdb = new byte[10];
        cdb[0] = (byte) opcode;
        putBigEndian(cdb, 2, 4, lba);
        putBigEndian(cdb, 7, 2, blocks);
        return cdb;
    }

    public static byte[] read16(long lba, int blocks) {
        return rw16(READ_16, lba, blocks);
    }

    public static byte[] write16(long lba, int blocks) {
        return rw16(WRITE_16, lba, blocks);
    }

    private static byte[] rw16(int opcode, long lba, int blocks) {
        checkRange("lba", lba, 0, Long.MAX_VALUE);
        checkRange("blocks", blocks, 0, Integer.MAX_VALUE);
        byte[] cdb = new byte[16];
        cdb[0] = (byte) opcode;
        putBigEndian(cdb, 2, 8, lba);
        putBigEndian(cdb, 10, 4, blocks);
        return cdb;
    }

    /** READ CAPACITY(16): SERVICE ACTION IN(16) with service action 0x10. */
    public static byte[] readCapacity16(int allocationLength) {
        byte[] cdb = new byte[16];
        cdb[0] = (byte) SERVICE_ACTION_IN_16;
        cdb[1] = READ_CAPACITY_16_SA;
        putBigEndian(cdb, 10, 4, allocationLength);
        return cdb;
    }

    public static byte[] reportLuns(int allocationLength) {
        checkRange("allocationLength", allocationLength, 16, Integer.MAX_VALUE);
        byte[] cdb = new byte[12];
        cdb[0] = (byte) REPORT_LUNS;
        putBigEndian(cdb, 6, 4, allocationLength);
        return cdb;
    }

    /** True for READ(10), READ(16), WRITE(10) and WRITE(16). */
    public static boolean isReadWrite(int opcode) {
        return opcode == READ_10 || opcode == READ_16 || opcode == WRITE_10 || opcode == WRITE_16;
    }

    /** The logical block address of a READ/WRITE(10/16) command. */
    public static long lba(ScsiCommand command) {
        int opcode = command.opcode();
        if (opcode == READ_10 || opcode == WRITE_10) {
            return readBigEndian(command, 2, 4);
        }
        if (opcode == READ_16 || opcode == WRITE_16) {
            return readBigEndian(command, 2, 8);
        }
        throw new IllegalArgumentException("not a READ/WRITE(10/16) command: " + command);
    }

    /** The block count of a READ/WRITE(10/16) command. */
    public static long blocks(ScsiCommand command) {
        int opcode = command.opcode();
        if (opcode == READ_10 || opcode == WRITE_10) {
            return readBigEndian(command, 7, 2);
        }
        if (opcode == READ_16 || opcode == WRITE_16) {
            return readBigEndian(command, 10, 4);
        }
        throw new IllegalArgumentException("not a READ/WRITE(10/16) command: " + command);
    }

    /** The allocation length of INQUIRY, READ CAPACITY(16) or REPORT LUNS. */
    public static int allocationLength(ScsiCommand command) {
        switch (command.opcode()) {
            case INQUIRY: return (int) readBigEndian(command, 3, 2);
            case SERVICE_ACTION_IN_16: return (int) readBigEndian(command, 10, 4);
            case REPORT_LUNS: return (int) readBigEndian(command, 6, 4);
            default: throw new IllegalArgumentException("no allocation length in " + command);
        }
    }

    /** A name for an operation code, for logs. */
    public static String name(int opcode) {
        switch (opcode) {
            case TEST_UNIT_READY: return "TEST_UNIT_READY";
            case INQUIRY: return "INQUIRY";
            case READ_10: return "READ_10";
            case WRITE_10: return "WRITE_10";
            case READ_16: return "READ_16";
            case WRITE_16: return "WRITE_16";
            case SERVICE_ACTION_IN_16: return "SERVICE_ACTION_IN_16";
            case REPORT_LUNS: return "REPORT_LUNS";
            default: return "OPCODE";
        }
    }

    private static long readBigEndian(ScsiCommand command, int offset, int length) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = (value << 8) | command.cdbByte(offset + i);
        }
        return value;
    }

    static void putBigEndian(byte[] dst, int offset, int length, long value) {
        for (int i = length - 1; i >= 0; i--) {
            dst[offset + i] = (byte) value;
            value >>>= 8;
        }
    }

    private static void checkRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], was " + value);
        }
    }
}
