package org.hbateam.api.scsi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * A T10 vendor designator pads vendor and product with blanks; the identity, which names a team, must hold none,
 * while the designator keeps them for operators to see. Blanks are replaced as scsi_id --replace-whitespace does.
 */
class DeviceIdentificationWhitespaceTest {
    /** FreeBSD ctld's T10 designator: vendor "FreeBSD " (8), product "iSCSI DISK      " (16), then the serial. */
    private static final String FREEBSD = "FreeBSD iSCSI DISK      10000001";

    @Test
    void aPaddedT10DesignatorGivesAnIdentityWithoutBlanks() {
        ByteBuffer page = t10Page(FREEBSD + "\0\0");
        assertEquals("t10.FreeBSD_iSCSI_DISK_10000001", DeviceIdentification.luIdentity(page).orElseThrow(),
                "each run of blanks becomes one _, trailing padding goes");
        assertEquals("t10." + FREEBSD, DeviceIdentification.designator(page).orElseThrow(),
                "the designator as the unit reported it, inner blanks kept, padding at the end trimmed");
    }

    @Test
    void replaceWhitespaceTrimsTheEndsAndFoldsEachRun() {
        assertEquals("a_b_c", DeviceIdentification.replaceWhitespace("  a \t b\n\n\0c  "), "runs of any blank, ends trimmed");
        assertEquals("naa.600144f0", DeviceIdentification.replaceWhitespace("naa.600144f0"), "nothing to replace");
        assertEquals("x_y", DeviceIdentification.replaceWhitespace("x\u00a0\u2003y"), "Unicode spaces count too");
        assertEquals("", DeviceIdentification.replaceWhitespace(" \t "), "all blank gives empty");
        assertEquals("a__b", DeviceIdentification.replaceWhitespace("a__b"), "existing underscores stay as they are");
    }

    @Test
    void aBinaryNaaIsTheSameEitherWay() {
        ByteBuffer page = ByteBuffer.wrap(DeviceIdentification.encodeNaaPage(new byte[] {0x60, 0x01, 0x44, (byte) 0xf0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}));
        assertEquals(DeviceIdentification.designator(page), DeviceIdentification.luIdentity(page), "hex has no blanks");
    }

    private static ByteBuffer t10Page(String value) {
        byte[] raw = value.getBytes(StandardCharsets.US_ASCII);
        byte[] page = new byte[8 + raw.length];
        page[1] = (byte) Cdb.VPD_DEVICE_ID;
        page[3] = (byte) (4 + raw.length);
        page[4] = 2; // ASCII
        page[5] = 1; // T10 vendor ID, associated with the logical unit
        page[7] = (byte) raw.length;
        System.arraycopy(raw, 0, page, 8, raw.length);
        return ByteBuffer.wrap(page);
    }
}
