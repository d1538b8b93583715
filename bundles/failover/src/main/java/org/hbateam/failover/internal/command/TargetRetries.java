package org.hbateam.failover.internal.command;

import java.util.concurrent.TimeUnit;

import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.scsi.ScsiStatus;
import org.hbateam.api.scsi.SenseData;
import org.hbateam.api.scsi.SenseKey;

/**
 * The target's answers that mean "not now" rather than "no", as the Linux SCSI midlayer
 * ({@code scsi_decide_disposition}) and dm-multipath treat them: the command is sent again after a backoff,
 * on the same path or another, within the command's {@code targetRetryMs} budget. A target's answer never
 * fails a path, whatever it is.
 *
 * <ol>
 *   <li>Status BUSY or TASK SET FULL: the target's queue is full for now.</li>
 *   <li>CHECK CONDITION, ABORTED COMMAND (0x0B), any ASC: the target dropped it (including 47/xx, a
 *       parity or CRC error on the way, and 4B/xx, a data phase error), nothing was done.</li>
 *   <li>NOT READY 04/01 (becoming ready) and 04/0A (asymmetric access state transition): it will be ready.</li>
 *   <li>UNIT ATTENTION with an ASC other than 29 (for example 2A/xx parameters changed, 3F/xx target
 *       operating conditions changed): the condition was reported once and is now cleared, so the resend is
 *       executed. 29/xx keeps its own single resend on the same path ({@link ErrorClassifier}).</li>
 * </ol>
 * Everything else (RESERVATION CONFLICT, MEDIUM ERROR, ILLEGAL REQUEST, ...) goes up unchanged.
 */
final class TargetRetries {
    static final int ASC_LOGICAL_UNIT_NOT_READY = 0x04;
    static final int ASCQ_BECOMING_READY = 0x01;
    static final int ASCQ_ACCESS_STATE_TRANSITION = 0x0A;

    private static final long FIRST_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(1);

    private TargetRetries() {
    }

    /** True when the answer is one the target expects to be asked again (see the class comment). */
    static boolean isTransient(ScsiResult result) {
        int status = result.status();
        if (status == ScsiStatus.BUSY || status == ScsiStatus.TASK_SET_FULL) {
            return true;
        }
        if (status != ScsiStatus.CHECK_CONDITION) {
            return false;
        }
        SenseData sense = result.sense();
        switch (sense.senseKey()) {
            case SenseKey.ABORTED_COMMAND:
                return true;
            case SenseKey.NOT_READY:
                return sense.asc() == ASC_LOGICAL_UNIT_NOT_READY
                        && (sense.ascq() == ASCQ_BECOMING_READY || sense.ascq() == ASCQ_ACCESS_STATE_TRANSITION);
            case SenseKey.UNIT_ATTENTION:
                return sense.asc() != ErrorClassifier.ASC_POWER_ON_OR_RESET;
            default:
                return false;
        }
    }

    /** The wait before resend number {@code retry} (1, 2, ...): 10 ms doubling, at most 1 s. */
    static long backoffNanos(int retry) {
        int doublings = Math.min(Math.max(retry - 1, 0), 20);
        return Math.min(MAX_BACKOFF_NANOS, FIRST_BACKOFF_NANOS << doublings);
    }
}
