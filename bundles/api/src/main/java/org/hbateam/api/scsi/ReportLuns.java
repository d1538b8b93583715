package org.hbateam.api.scsi;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * REPORT LUNS parameter data (SPC-4 6.33). LUNs are handled in the flat and peripheral addressing
 * methods that cover numbers up to 16383, which is what iSCSI targets report.
 */
public final class ReportLuns {
    private ReportLuns() {
    }

    /** Decodes the LUN list; entries cut off by the allocation length are left out. */
    public static List<Long> parse(ByteBuffer data) {
        ByteBuffer b = data.duplicate();
        int start = b.position();
        if (b.remaining() < 8) {
            throw new IllegalArgumentException("REPORT LUNS data needs 8 bytes, got " + b.remaining());
        }
        long listLength = b.getInt(start) & 0xFFFF_FFFFL;
        List<Long> luns = new ArrayList<>();
        for (long at = 8; at + 8 <= 8 + listLength && start + at + 8 <= b.limit(); at += 8) {
            int first = b.getShort(start + (int) at) & 0xFFFF;
            luns.add((long) (first & 0x3FFF));
        }
        return luns;
    }

    /** Encodes LUNs, each below 16384, with peripheral (LUN below 256) or flat addressing. */
    public static byte[] encode(List<Long> luns) {
        byte[] b = new byte[8 + 8 * luns.size()];
        Cdb.putBigEndian(b, 0, 4, 8L * luns.size());
        for (int i = 0; i < luns.size(); i++) {
            long lun = luns.get(i);
            if (lun < 0 || lun > 0x3FFF) {
                throw new IllegalArgumentException("LUN must be in [0, 16383], was " + lun);
            }
            long field = lun < 256 ? lun : 0x4000 | lun;
            Cdb.putBigEndian(b, 8 + 8 * i, 2, field);
        }
        return b;
    }
}
