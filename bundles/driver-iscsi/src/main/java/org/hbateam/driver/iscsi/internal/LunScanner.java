package org.hbateam.driver.iscsi.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.hbateam.api.scsi.Capacity;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.DeviceIdentification;
import org.hbateam.api.scsi.ReportLuns;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.scsi.ScsiStatus;
import org.hbateam.driver.iscsi.internal.pdu.Luns;
import org.hbateam.driver.iscsi.internal.session.Session;

/**
 * Finds the disks behind a new session, asynchronously: REPORT LUNS, then per LUN a standard INQUIRY
 * (only direct-access block devices become paths; tgt's LUN 0 controller does not), INQUIRY VPD 0x83 for
 * the identity that groups paths into teams, and READ CAPACITY(16). The first UNIT ATTENTION of a new
 * session (29/00) and BUSY are retried, so discovery sees the unit's real answers.
 */
final class LunScanner {
    private static final int ATTEMPTS = 8;
    private static final int DIRECT_ACCESS_BLOCK_DEVICE = 0;

    /**
     * One disk found: its identity (blanks replaced, it names the team) and its designator as the unit reports
     * it, which operators see (the same string when it has no blanks).
     */
    record Found(long lun, String luIdentity, String luDesignator, Capacity capacity) {
    }

    private LunScanner() {
    }

    static CompletionStage<List<Found>> scan(Session session, String target) {
        return execute(session, 0, ScsiCommand.read(Cdb.reportLuns(4096), ByteBuffer.allocate(4096)))
                .thenCompose(report -> scanEach(session, target, report));
    }

    private static CompletionStage<List<Found>> scanEach(Session session, String target, Answer report) {
        List<Long> luns = report.result.isGood() ? ReportLuns.parse(report.data()) : List.of(0L);
        CompletionStage<List<Found>> chain = CompletableFuture.completedFuture(new ArrayList<>());
        for (long lun : luns) {
            chain = chain.thenCompose(found -> probe(session, target, lun).thenApply(disk -> {
                if (disk != null) {
                    found.add(disk);
                }
                return found;
            }));
        }
        return chain;
    }

    private static CompletionStage<Found> probe(Session session, String target, long lun) {
        long field = Luns.field(lun);
        return execute(session, field, ScsiCommand.read(Cdb.inquiry(96), ByteBuffer.allocate(96))).thenCompose(inquiry -> {
            int peripheral = inquiry.result.isGood() ? inquiry.data().get(0) & 0xff : 0xff;
            if (peripheral != DIRECT_ACCESS_BLOCK_DEVICE) {
                return CompletableFuture.completedFuture(null);
            }
            return execute(session, field, ScsiCommand.read(Cdb.inquiryVpd(Cdb.VPD_DEVICE_ID, 1024), ByteBuffer.allocate(1024)))
                    .thenCompose(vpd -> execute(session, field, ScsiCommand.read(Cdb.readCapacity16(32), ByteBuffer.allocate(32)))
                            .thenApply(capacity -> found(lun, designator(vpd, target, lun),
                                    capacity.result.isGood() ? Capacity.parse(capacity.data()) : null)));
        });
    }

    private static Found found(long lun, String designator, Capacity capacity) {
        return new Found(lun, DeviceIdentification.replaceWhitespace(designator), designator, capacity);
    }

    private static String designator(Answer vpd, String target, long lun) {
        if (vpd.result.isGood()) {
            try {
                return DeviceIdentification.designator(vpd.data()).orElse(target + ":" + lun);
            } catch (IllegalArgumentException e) {
                return target + ":" + lun;
            }
        }
        return target + ":" + lun;
    }

    /** A result and the bytes that came with it. */
    private record Answer(ScsiCommand command, ScsiResult result) {
        ByteBuffer data() {
            ByteBuffer data = command.dataView();
            data.limit(Math.max(0, command.transferLength() - Math.max(0, result.residual())));
            return data;
        }
    }

    private static CompletionStage<Answer> execute(Session session, long lunField, ScsiCommand command) {
        return attempt(session, lunField, command, ATTEMPTS);
    }

    private static CompletionStage<Answer> attempt(Session session, long lunField, ScsiCommand command, int left) {
        FutureCallback callback = new FutureCallback();
        session.submit(lunField, command, callback);
        return callback.thenCompose(result -> {
            boolean transient_ = result.isUnitAttention() || result.status() == ScsiStatus.BUSY;
            if (transient_ && left > 1) {
                return attempt(session, lunField, command, left - 1);
            }
            return CompletableFuture.completedFuture(new Answer(command, result));
        });
    }
}
