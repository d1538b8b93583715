package org.hbateam.management.internal.jmx;

import java.util.concurrent.TimeUnit;

/** The {@link PathMXBean} of one path, reading everything live through {@link TeamLookup}. */
final class PathBean implements PathMXBean {
    private final String team;
    private final String pathId;
    private final TeamLookup lookup;

    PathBean(String team, String pathId, TeamLookup lookup) {
        this.team = team;
        this.pathId = pathId;
        this.lookup = lookup;
    }

    @Override
    public String getPathId() {
        return pathId;
    }

    @Override
    public String getAdapterId() {
        return lookup.pathStatus(team, pathId).adapterId();
    }

    @Override
    public String getTeam() {
        return team;
    }

    @Override
    public String getState() {
        return lookup.pathInfo(team, pathId).state().name();
    }

    @Override
    public String getDriverState() {
        return lookup.pathStatus(team, pathId).driverState();
    }

    @Override
    public boolean isUsable() {
        return lookup.pathStatus(team, pathId).usable();
    }

    @Override
    public boolean isHeldOut() {
        return lookup.pathStatus(team, pathId).heldOut();
    }

    @Override
    public boolean isHeldByOperator() {
        return lookup.pathStatus(team, pathId).heldByOperator();
    }

    @Override
    public boolean isFlaky() {
        return lookup.pathStatus(team, pathId).flaky();
    }

    @Override
    public int getPriorityGroup() {
        return lookup.pathStatus(team, pathId).priorityGroup();
    }

    @Override
    public long getBytesRead() {
        return lookup.pathInfo(team, pathId).bytesRead();
    }

    @Override
    public long getBytesWritten() {
        return lookup.pathInfo(team, pathId).bytesWritten();
    }

    @Override
    public long getCommands() {
        return lookup.pathInfo(team, pathId).commands();
    }

    @Override
    public int getInFlight() {
        return lookup.pathInfo(team, pathId).inFlight();
    }

    @Override
    public double getReadShare() {
        return lookup.pathInfo(team, pathId).readShare();
    }

    @Override
    public double getWriteShare() {
        return lookup.pathInfo(team, pathId).writeShare();
    }

    @Override
    public long getAverageLatencyMicros() {
        return TimeUnit.NANOSECONDS.toMicros(lookup.pathStatus(team, pathId).averageLatencyNanos());
    }

    @Override
    public long getTimeoutMillis() {
        return lookup.pathStatus(team, pathId).timeoutMillis();
    }

    @Override
    public void fail() {
        lookup.admin().failPath(team, pathId);
    }

    @Override
    public boolean reinstate() {
        return lookup.admin().reinstatePath(team, pathId);
    }
}
