package org.hbateam.management.internal.jmx;

/**
 * One path of a team, registered as {@code org.hbateam:type=Path,team=<team>,path=<quoted path id>}.
 * Attributes are read live on each call.
 */
public interface PathMXBean {
    String getPathId();

    String getAdapterId();

    String getTeam();

    /** UP, DEGRADED or DOWN; DOWN also while the team holds the path out. */
    String getState();

    /** The state its driver reports, whatever the team does with the path. */
    String getDriverState();

    boolean isUsable();

    boolean isHeldOut();

    boolean isHeldByOperator();

    boolean isFlaky();

    int getPriorityGroup();

    long getBytesRead();

    long getBytesWritten();

    long getCommands();

    int getInFlight();

    /** The balancer's current read share in percent. */
    double getReadShare();

    /** The balancer's current write share in percent. */
    double getWriteShare();

    long getAverageLatencyMicros();

    long getTimeoutMillis();

    /** Holds this path out of service until {@link #reinstate}. */
    void fail();

    /** Returns this path to service now; false when it cannot carry I/O or was not out. */
    boolean reinstate();
}
