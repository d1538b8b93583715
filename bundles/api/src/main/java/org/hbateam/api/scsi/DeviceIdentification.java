package org.hbateam.api.scsi;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Reads and writes INQUIRY VPD pages 0x83 (device identification) and 0x80 (unit serial number).
 * The logical unit's identity is what groups paths into a team: every target port reports the same one.
 */
public final class DeviceIdentification {
    private static final int CODE_SET_BINARY = 1;
    private static final int ASSOC_LOGICAL_UNIT = 0;
    private static final int TYPE_T10_VENDOR = 1;
    private static final int TYPE_EUI64 = 2;
    private static final int TYPE_NAA = 3;
    private static final int TYPE_SCSI_NAME = 8;
    private static final int NAA_LOCALLY_ASSIGNED = 3;

    private DeviceIdentification() {
    }

    /**
     * Picks the logical unit's identity from a VPD 0x83 page: the {@linkplain #designator strongest designator},
     * with its blanks replaced as {@link #replaceWhitespace} does, so that it can name a team and be typed in a
     * shell without quotes. The result is a stable string such as {@code naa.60000000000000000e00000000010001}
     * or {@code t10.FreeBSD_iSCSI_DISK_10000001}. (Before 1.1 the blanks were kept.)
     *
     * @return empty when the page has no logical-unit designator
     * @throws IllegalArgumentException when the page is truncated or is not page 0x83
     */
    public static Optional<String> luIdentity(ByteBuffer page) {
        return designator(page).map(DeviceIdentification::replaceWhitespace);
    }

    /**
     * The strongest designator associated with the logical unit in a VPD 0x83 page, as the unit reports it
     * (a text designator keeps its inner blanks, such as {@code t10.FreeBSD iSCSI DISK      10000001}).
     * The order is NAA (other than locally assigned), EUI-64, SCSI name string, T10 vendor ID, and last a locally
     * assigned NAA (NAA field 3). A locally assigned NAA is unique only within its target (tgt derives it from
     * target id and LUN alone), so two targets could report the same one; the T10 vendor ID that follows it
     * carries a configured id. When two designators have the same rank, the first wins.
     *
     * @return empty when the page has no logical-unit designator
     * @throws IllegalArgumentException when the page is truncated or is not page 0x83
     * @since 1.1
     */
    public static Optional<String> designator(ByteBuffer page) {
        ByteBuffer b = page.duplicate();
        int start = b.position();
        if (b.remaining() < 4 || (b.get(start + 1) & 0xFF) != Cdb.VPD_DEVICE_ID) {
            throw new IllegalArgumentException("not a VPD page 0x83");
        }
        int end = Math.min(b.limit(), start + 4 + (b.getShort(start + 2) & 0xFFFF));
        String best = null;
        int bestRank = Integer.MAX_VALUE;
        for (int at = start + 4; at + 4 <= end; ) {
            int codeSet = b.get(at) & 0x0F;
            int association = (b.get(at + 1) >> 4) & 0x03;
            int type = b.get(at + 1) & 0x0F;
            int length = b.get(at + 3) & 0xFF;
            if (at + 4 + length > end) {
                throw new IllegalArgumentException("VPD 0x83 designator overruns the page at offset " + (at - start));
            }
            byte[] value = new byte[length];
            b.get(at + 4, value);
            int rank = rank(type, codeSet, value);
            if (association == ASSOC_LOGICAL_UNIT && rank < bestRank) {
                best = format(type, codeSet, value);
                bestRank = rank;
            }
            at += 4 + length;
        }
        return Optional.ofNullable(best);
    }

    /**
     * What {@code scsi_id --replace-whitespace} does to an identity: the blanks at both ends go, and each run of
     * blanks inside becomes one {@code _}. Blanks are spaces, control characters (tabs, line breaks, NUL) and
     * other Unicode white space. A T10 vendor designator pads vendor and product with spaces, which would
     * otherwise end up in team names.
     *
     * @since 1.1
     */
    public static String replaceWhitespace(String identity) {
        StringBuilder out = new StringBuilder(identity.length());
        boolean pendingBlank = false;
        for (int i = 0; i < identity.length(); i++) {
            char c = identity.charAt(i);
            if (c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingBlank = out.length() > 0;
            } else {
                if (pendingBlank) {
                    out.append('_');
                    pendingBlank = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Encodes a VPD 0x83 page with one binary NAA designator associated with the logical unit. */
    public static byte[] encodeNaaPage(byte[] naa) {
        byte[] b = new byte[4 + 4 + naa.length];
        b[1] = (byte) Cdb.VPD_DEVICE_ID;
        Cdb.putBigEndian(b, 2, 2, 4 + naa.length);
        b[4] = CODE_SET_BINARY;
        b[5] = TYPE_NAA;
        b[7] = (byte) naa.length;
        System.arraycopy(naa, 0, b, 8, naa.length);
        return b;
    }

    /** The unit serial number from a VPD 0x80 page, trimmed. */
    public static String serial(ByteBuffer page) {
        ByteBuffer b = page.duplicate();
        int start = b.position();
        if (b.remaining() < 4 || (b.get(start + 1) & 0xFF) != Cdb.VPD_SERIAL) {
            throw new IllegalArgumentException("not a VPD page 0x80");
        }
        int length = Math.min(b.getShort(start + 2) & 0xFFFF, b.remaining() - 4);
        byte[] raw = new byte[length];
        b.get(start + 4, raw);
        return new String(raw, StandardCharsets.US_ASCII).trim();
    }

    /** Encodes a VPD 0x80 page holding {@code serial}. */
    public static byte[] encodeSerialPage(String serial) {
        byte[] raw = serial.getBytes(StandardCharsets.US_ASCII);
        byte[] b = new byte[4 + raw.length];
        b[1] = (byte) Cdb.VPD_SERIAL;
        Cdb.putBigEndian(b, 2, 2, raw.length);
        System.arraycopy(raw, 0, b, 4, raw.length);
        return b;
    }

    private static int rank(int type, int codeSet, byte[] value) {
        switch (type) {
            case TYPE_NAA: return isLocallyAssignedNaa(codeSet, value) ? 4 : 0;
            case TYPE_EUI64: return 1;
            case TYPE_SCSI_NAME: return 2;
            case TYPE_T10_VENDOR: return 3;
            default: return Integer.MAX_VALUE;
        }
    }

    /** The NAA field is the high nibble of the designator's first byte; 3 means locally assigned. */
    private static boolean isLocallyAssignedNaa(int codeSet, byte[] value) {
        return codeSet == CODE_SET_BINARY && value.length > 0 && ((value[0] >> 4) & 0x0F) == NAA_LOCALLY_ASSIGNED;
    }

    private static String format(int type, int codeSet, byte[] value) {
        if (codeSet != CODE_SET_BINARY) {
            return prefix(type) + new String(value, StandardCharsets.US_ASCII).trim().replace('\0', ' ').trim();
        }
        return prefix(type) + HexFormat.of().formatHex(value);
    }

    private static String prefix(int type) {
        switch (type) {
            case TYPE_NAA: return "naa.";
            case TYPE_EUI64: return "eui.";
            case TYPE_SCSI_NAME: return "name.";
            default: return "t10.";
        }
    }
}
