package org.hbateam.failover.internal.command;

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
 *   <li>Except {@link PathException.Reason#REFUSED}: this one command cannot be carried (CDB too long for
 *       the driver, command-specific Reject). It fails up at once; the path is fine and nothing is retried.</li>
 *   <li>A {@link ScsiResult} is the target's answer and never fails the path. It goes back up unchanged
 *       (medium error, illegal request, reservation conflict...), with two exceptions:</li>
 *   <li>CHECK CONDITION / UNIT ATTENTION with ASC 0x29 (power on, reset or bus device reset occurred) is
 *       retried once on the same path. It reports an event on the I_T nexus, not a problem with the
 *       command; the second answer goes up unchanged, so a target that keeps saying it cannot loop.</li>
 *   <li>The "not now" answers of {@link TargetRetries} (BUSY, TASK SET FULL, ABORTED COMMAND, ...) are sent
 *       again after a backoff, within the command's {@code targetRetryMs}; then the last one goes up.</li>
 * </ol>
 *
 * <p>The scope of a path error: a {@link PathException.Reason#PROTOCOL} error poisons the whole session
 * (iSCSI error recovery level 0 recovers a protocol error by dropping the session), so every path of that
 * session goes down with it. Every other reason fails only the connection that reported it, and the other
 * connections of the same session take over.
 */
public final class ErrorClassifier {
    /** ASC for "power on, reset, or bus device reset occurred" and its ASCQ variants. */
    static final int ASC_POWER_ON_OR_RESET = 0x29;

    /** What to do with a target's answer. */
    enum Verdict {
        /** Give the answer to the caller as it is. */
        DELIVER,
        /** Send the same command once more on the same path (UNIT ATTENTION 0x29, first time only). */
        RETRY_SAME_PATH,
        /** Send it again after a backoff, on any path, while the command's target-retry budget lasts. */
        RETRY_LATER
    }

    /** How far a path error reaches. */
    public enum Scope {
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
        return TargetRetries.isTransient(result) ? Verdict.RETRY_LATER : Verdict.DELIVER;
    }

    /** True for the one path error that is not the path's fault: the command alone is refused. */
    static boolean isRefused(PathException error) {
        return error.reason() == PathException.Reason.REFUSED;
    }

    /** True when the command may still run where it was sent, so it must be fenced before it goes elsewhere. */
    static boolean needsFence(PathException error) {
        return error.outcome() != PathException.Outcome.NOT_EXECUTED;
    }

    /** Every other path error fails the path; this says whether its session-mates go down too. */
    public static Scope scope(PathException error) {
        return error.reason() == PathException.Reason.PROTOCOL ? Scope.SESSION : Scope.PATH;
    }
}
