package org.hbateam.api.path;

/**
 * A command could not be delivered, or its answer could not be received, on one path. Every
 * {@code PathException} is a path error: the failover service fails the path and retries the command
 * elsewhere. An answer from the target, however bad, is a {@link org.hbateam.api.scsi.ScsiResult}, not this.
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
        PROTOCOL
    }

    private final Reason reason;

    public PathException(Reason reason, String message) {
        this(reason, message, null);
    }

    public PathException(Reason reason, String message, Throwable cause) {
        super(message, cause, true, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String toString() {
        return "PathException[" + reason + "]: " + getMessage();
    }
}
