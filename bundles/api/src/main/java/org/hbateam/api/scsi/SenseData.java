package org.hbateam.api.scsi;

import java.util.Arrays;

/**
 * Sense data in either fixed (0x70/0x71) or descriptor (0x72/0x73) format, decoded to key, ASC and ASCQ.
 * Immutable. Bytes that are too short to decode give key, ASC and ASCQ of 0 rather than an exception,
 * because a target's malformed sense must never hide the status that came with it.
 */
public final class SenseData {
    private static final byte[] NONE = new byte[0];
    /** No sense: shared, so that a completion without sense allocates nothing for it. */
    private static final SenseData EMPTY = new SenseData(NONE);

    private final byte[] raw;

    private SenseData(byte[] raw) {
        this.raw = raw;
    }

    /** Wraps raw sense bytes; the array is copied. An empty or null array means no sense. */
    public static SenseData of(byte[] raw) {
        return raw == null || raw.length == 0 ? EMPTY : new SenseData(raw.clone());
    }

    /** Builds fixed-format current sense (response code 0x70) with the given key, ASC and ASCQ. */
    public static SenseData fixed(int senseKey, int asc, int ascq) {
        byte[] b = new byte[18];
        b[0] = 0x70;
        b[2] = (byte) (senseKey & 0x0F);
        b[7] = 10;
        b[12] = (byte) asc;
        b[13] = (byte) ascq;
        return new SenseData(b);
    }

    /** True when there are no sense bytes. */
    public boolean isEmpty() {
        return raw.length == 0;
    }

    public int senseKey() {
        if (isDescriptorFormat()) {
            return raw.length > 1 ? raw[1] & 0x0F : 0;
        }
        return raw.length > 2 ? raw[2] & 0x0F : 0;
    }

    public int asc() {
        int index = isDescriptorFormat() ? 2 : 12;
        return raw.length > index ? raw[index] & 0xFF : 0;
    }

    public int ascq() {
        int index = isDescriptorFormat() ? 3 : 13;
        return raw.length > index ? raw[index] & 0xFF : 0;
    }

    /** A copy of the raw bytes. */
    public byte[] bytes() {
        return raw.clone();
    }

    private boolean isDescriptorFormat() {
        int code = raw.length > 0 ? raw[0] & 0x7F : 0;
        return code == 0x72 || code == 0x73;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SenseData && Arrays.equals(raw, ((SenseData) o).raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return isEmpty() ? "no sense" : String.format("key=0x%x asc=0x%02x ascq=0x%02x", senseKey(), asc(), ascq());
    }
}
