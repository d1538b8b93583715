package org.hbateam.api.scsi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * Which VPD 0x83 designator becomes the LU identity. A locally assigned NAA (NAA field 3) is unique only
 * within one target, so it ranks below every designator that carries a configured or global name.
 */
class DeviceIdentificationRankTest {
    private static final int BINARY = 1;
    private static final int ASCII = 2;
    private static final int T10 = 1;
    private static final int NAA = 3;
    private static final int SCSI_NAME = 8;

    private static final byte[] NAA3 = {0x30, 0, 0, 1, 0, 0, 0, 1};
    private static final byte[] NAA5 = {0x50, 0x01, 0x40, 0x5f, 0, 0, 0, 7};
    private static final byte[] NAA6 = {0x60, 0, 0, 0, 0, 0, 0, 0, 0, 0x0b, 0, 0x0e, 0x2e, 0, 0, 1};

    /** A page as tgt sends it: T10 vendor id (the configured scsi_id, zero padded), NAA 3, NAA 6. */
    @Test
    void tgtsPageGivesTheNaa6NotTheLocallyAssignedNaa() {
        ByteBuffer page = page(t10("hbt-demo-lun1"), designator(BINARY, NAA, NAA3), designator(BINARY, NAA, NAA6));
        assertEquals("naa.6000000000000000000b000e2e000001", identity(page),
                "an NAA 6 designator ranks first, whatever its position in the page");
    }

    @Test
    void aLocallyAssignedNaaRanksBelowTheT10VendorId() {
        ByteBuffer page = page(designator(BINARY, NAA, NAA3), t10("hbt-demo-lun1"));
        assertEquals("t10.hbt-demo-lun1", identity(page),
                "the T10 vendor id (configured, unique per LUN) wins over a locally assigned NAA that comes first");
    }

    @Test
    void aLocallyAssignedNaaRanksBelowTheScsiNameString() {
        ByteBuffer page = page(designator(BINARY, NAA, NAA3),
                designator(3, SCSI_NAME, "iqn.2024-01.org.example:lun,L,0x0001".getBytes(StandardCharsets.UTF_8)));
        assertEquals("name.iqn.2024-01.org.example:lun,L,0x0001", identity(page),
                "the SCSI name string wins over a locally assigned NAA");
    }

    @Test
    void anNaa5StillRanksAboveTheT10VendorId() {
        ByteBuffer page = page(t10("hbt-demo-lun1"), designator(BINARY, NAA, NAA5));
        assertEquals("naa.5001405f00000007", identity(page), "an IEEE registered NAA 5 stays the first choice");
    }

    @Test
    void aLocallyAssignedNaaAloneIsStillAnIdentity() {
        ByteBuffer page = page(designator(BINARY, NAA, NAA3));
        assertEquals("naa.3000000100000001", identity(page), "with nothing better, the locally assigned NAA is used");
    }

    private static String identity(ByteBuffer page) {
        return DeviceIdentification.luIdentity(page).orElseThrow(() -> new AssertionError("the page has an identity"));
    }

    private static byte[] t10(String id) {
        byte[] value = new byte[24];
        byte[] raw = id.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(raw, 0, value, 0, raw.length);
        return designator(ASCII, T10, value);
    }

    /** One designator associated with the logical unit. */
    private static byte[] designator(int codeSet, int type, byte[] value) {
        byte[] d = new byte[4 + value.length];
        d[0] = (byte) codeSet;
        d[1] = (byte) type;
        d[3] = (byte) value.length;
        System.arraycopy(value, 0, d, 4, value.length);
        return d;
    }

    private static ByteBuffer page(byte[]... designators) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] d : designators) {
            body.writeBytes(d);
        }
        byte[] b = new byte[4 + body.size()];
        b[1] = (byte) Cdb.VPD_DEVICE_ID;
        b[2] = (byte) (body.size() >> 8);
        b[3] = (byte) body.size();
        System.arraycopy(body.toByteArray(), 0, b, 4, body.size());
        return ByteBuffer.wrap(b);
    }
}
