package org.hbateam.driver.iscsi.internal.pdu;

/** The 8-byte LUN field of iSCSI PDUs (SAM-5 single-level addressing). */
public final class Luns {
    private Luns() {
    }

    /** Peripheral addressing below 256, flat addressing up to 16383. */
    public static long field(long lun) {
        if (lun < 0 || lun > 0x3fff) {
            throw new IllegalArgumentException("LUN must be in [0, 16383], was " + lun);
        }
        return (lun < 256 ? lun : 0x4000 | lun) << 48;
    }
}
