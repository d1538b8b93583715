package org.hbateam.api.scsi;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Standard INQUIRY data (SPC-4 6.6.2): peripheral device type, vendor, product and revision.
 *
 * @param deviceType peripheral device type, 0 for a direct-access block device
 * @param vendor     T10 vendor identification, trimmed
 * @param product    product identification, trimmed
 * @param revision   product revision level, trimmed
 */
public record StandardInquiry(int deviceType, String vendor, String product, String revision) {
    /** The length of the data {@link #encode()} produces. */
    public static final int LENGTH = 36;

    /**
     * Decodes standard INQUIRY data.
     *
     * @throws IllegalArgumentException when fewer than 36 bytes are given
     */
    public static StandardInquiry parse(ByteBuffer data) {
        ByteBuffer b = data.duplicate();
        if (b.remaining() < LENGTH) {
            throw new IllegalArgumentException("standard INQUIRY data needs 36 bytes, got " + b.remaining());
        }
        int start = b.position();
        return new StandardInquiry(b.get(start) & 0x1F,
                ascii(b, start + 8, 8), ascii(b, start + 16, 16), ascii(b, start + 32, 4));
    }

    /** Encodes as SPC-4 standard INQUIRY data, version SPC-4, with the ASCII fields space-padded. */
    public byte[] encode() {
        byte[] b = new byte[LENGTH];
        b[0] = (byte) (deviceType & 0x1F);
        b[2] = 0x06;
        b[3] = 0x02;
        b[4] = (byte) (LENGTH - 5);
        pad(b, 8, 8, vendor);
        pad(b, 16, 16, product);
        pad(b, 32, 4, revision);
        return b;
    }

    private static String ascii(ByteBuffer b, int offset, int length) {
        byte[] raw = new byte[length];
        b.get(offset, raw);
        return new String(raw, StandardCharsets.US_ASCII).trim();
    }

    private static void pad(byte[] dst, int offset, int length, String value) {
        byte[] raw = value.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < length; i++) {
            dst[offset + i] = i < raw.length ? raw[i] : (byte) ' ';
        }
    }
}
