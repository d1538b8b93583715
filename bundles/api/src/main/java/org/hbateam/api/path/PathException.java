package org.hbateam.api.path;

/**
 * A command could not be delivered, or its answer could not be received, on one path. Except for
 * {@link Reason#REFUSED}, every {@code PathException} is a path error: the failover service fails the path and
 * retries the command elsewhere. An answer from the target, however bad, is a
 * {@link org.hbateam.api.scsi.ScsiResult}, not this.
 *
 * <p>What the driver knows about the command matters for that retry, and {@link #outcome()} says it: a command
 * that was {@link Outcome#NOT_EXECUTED} may be sent again at once; one whose outcome is {@link Outcome#UNKNOWN}
 * may still run at the target (its PDUs may sit in a queue on the way), so it is retried elsewhere only after
 * {@link DataPath#abort} has fenced it.
 *
 * <p>Created without a stack trace, because drivers raise these in bulk when a link dies.
 */
public class PathException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the path failed the command. */
    public enum Reason {
        /** The transport broke: connection reset, refused, closed, or a send failed. */
        TRANSPORT,
        /** No answer in time. The driver has aborted, or given up on, the command. */
        TIMEOUT,
        /** The command was aborted on this path, by a task management function or by the caller. */
        ABORTED,
        /** The path is down, or its adapter is; the command was never sent. */
        PATH_DOWN,
        /** The path is being removed (driver stopping, adapter deleted). */
        PATH_REMOVED,
        /** The peer broke the protocol (malformed PDU, digest error); the connection was dropped. */
        PROTOCOL,
        /**
         * This one command cannot be carried, and the path is fine: the driver cannot encode it (a CDB longer
         * than it supports) or the target rejected this command alone (a command-specific iSCSI Reject). The
         * command fails up to its caller; no path is failed and nothing is retried.
         */
        REFUSED
    }

    /** What the driver knows about whether the target may run the command. */
    public enum Outcome {
        /** The command was never sent, or the target refused it before executing it: it will not run. */
        NOT_EXECUTED,
        /** The command was sent and no answer came: it may have run, or may still run later. */
        UNKNOWN
    }

    private final Reason reason;
    private final Outcome outcome;

    /** A path error whose outcome follows from the reason ({@link #defaultOutcome}). */
    public PathException(Reason reason, String message) {
        this(reason, defaultOutcome(reason), message, null);
    }

    /** A path error whose outcome follows from the reason ({@link #defaultOutcome}). */
    public PathException(Reason reason, String message, Throwable cause) {
        this(reason, defaultOutcome(reason), message, cause);
    }

    /** A path error with the outcome the driver knows. */
    public PathException(Reason reason, Outcome outcome, String message) {
        this(reason, outcome, message, null);
    }

    /** A path error with the outcome the driver knows. */
    public PathException(Reason reason, Outcome outcome, String message, Throwable cause) {
        super(message, cause, true, false);
        this.reason = reason;
        this.outcome = outcome;
    }

    /**
     * The outcome assumed when a driver does not say: {@link Outcome#NOT_EXECUTED} for {@link Reason#PATH_DOWN}
     * (the command was never sent) and {@link Reason#REFUSED}; {@link Outcome#UNKNOWN} for everything else,
     * which is the safe assumption.
     */
    public static Outcome defaultOutcome(Reason reason) {
        return reason == Reason.PATH_DOWN || reason == Reason.REFUSED ? Outcome.NOT_EXECUTED : Outcome.UNKNOWN;
    }

    public Reason reason() {
        return reason;
    }

    /** Whether the command may still run at the target; see the class comment. */
    public Outcome outcome() {
        return outcome;
    }

    @Override
    public String toString() {
        return "PathException[" + reason + ", " + outcome + "]: " + getMessage();
    }
}
