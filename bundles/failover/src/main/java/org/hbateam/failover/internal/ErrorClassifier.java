package org.hbateam.failover.internal;

import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.ScsiResult;

/**
 * The one place that decides what an outcome on a path means. Everything the failover service does
 * after a command comes back follows from these two methods.
 *
 * <p>The rule, as in dm-multipath: the transport is our business, the target's answer is the caller's.
 * <ol>
 *   <li>A {@link PathException} (transport broken, timeout, aborted, path down or removed, protocol error)
 *       is a PATH error: the path is failed and the command is retried on another path.</li>
 *   <li>A {@link ScsiResult} is the target's answer and goes back up unchanged, whatever its status
 *       (medium error, illegal request, reservation conflict, busy...), with one exception:</li>
 *   <li>CHECK CONDITION / UNIT ATTENTION with ASC 0x29 (power on, reset or bus device reset occurred) is
 *       retried once on the same path. It reports an event on the I_T nexus, not a problem with the
 *       command; the second answer goes up unchanged, so a target that keeps saying it cannot loop.</li>
 * </ol>
 *
 * <p>The scope of a path error: a {@link PathException.Reason#PROTOCOL} error poisons the whole session
 * (iSCSI error recovery level 0 recovers a protocol error by dropping the session), so every path of that
 * session goes down with it. Every other reason fails only the connection that reported it, and the other
 * connections of the same session take over.
 */
final class ErrorClassifier {
    /** ASC for "power on, reset, or bus device reset occurred" and its ASCQ variants. */
    static final int ASC_POWER_ON_OR_RESET = 0x29;

    /** What to do with a target's answer. */
    enum Verdict {
        /** Give the answer to the caller as it is. */
        DELIVER,
        /** Send the same command once more on the same path (UNIT ATTENTION 0x29, first time only). */
        RETRY_SAME_PATH
    }

    /** How far a path error reaches. */
    enum Scope {
        /** Only the path (connection) that reported it. */
        PATH,
        /** Every path of the same session. */
        SESSION
    }

    private ErrorClassifier() {
    }

    /** Classifies an answer from the target; {@code alreadyRetried} is true once the UA retry was spent. */
    static Verdict classify(ScsiResult result, boolean alreadyRetried) {
        if (!alreadyRetried && result.isUnitAttention() && result.sense().asc() == ASC_POWER_ON_OR_RESET) {
            return Verdict.RETRY_SAME_PATH;
        }
        return Verdict.DELIVER;
    }

    /** Every path error fails the path; this says whether its session-mates go down too. */
    static Scope scope(PathException error) {
        return error.reason() == PathException.Reason.PROTOCOL ? Scope.SESSION : Scope.PATH;
    }
}
