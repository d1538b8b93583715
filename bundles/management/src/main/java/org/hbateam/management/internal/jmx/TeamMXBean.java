package org.hbateam.management.internal.jmx;

/**
 * One team, registered as {@code org.hbateam:type=Team,name=<team>}. Attributes are read live on each call;
 * the operations are the operator's (the same as the shell's), and they throw {@link IllegalArgumentException}
 * with a one-line message for an unknown path.
 */
public interface TeamMXBean {
    String getName();

    String getLuIdentity();

    /** The balancing policy in force, or {@code failover-only}. */
    String getPolicy();

    /** {@code balance} or {@code failover-only}, as configured. */
    String getMode();

    String getBalancerStatus();

    int getPathCount();

    int getUsablePaths();

    int getQueuedCommands();

    long getFailovers();

    /** Epoch milliseconds of the last failover, 0 if none. */
    long getLastFailoverMillis();

    /** Commands sent again since the team formed (after a path error, or once after a reset UNIT ATTENTION). */
    long getRetries();

    /** Bytes read through all paths since they joined. */
    long getBytesRead();

    /** Bytes written through all paths since they joined. */
    long getBytesWritten();

    /** Holds the path out of service until {@link #reinstatePath}. */
    void failPath(String pathId);

    /** Returns the path to service now; false when it cannot carry I/O or was not out. */
    boolean reinstatePath(String pathId);

    /** Makes the path (or adapter) the primary for failover-only routing; empty returns to the configured one. */
    void preferPath(String pathIdOrAdapter);

    /** Restarts the counting window and forgets latency and failure history; cumulative bytes stay. */
    void resetCounters();
}
