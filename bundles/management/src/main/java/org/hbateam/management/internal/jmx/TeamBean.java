package org.hbateam.management.internal.jmx;

import org.hbateam.api.team.PathInfo;

/** The {@link TeamMXBean} of one team, reading everything live through {@link TeamLookup}. */
final class TeamBean implements TeamMXBean {
    private final String team;
    private final TeamLookup lookup;

    TeamBean(String team, TeamLookup lookup) {
        this.team = team;
        this.lookup = lookup;
    }

    @Override
    public String getName() {
        return team;
    }

    @Override
    public String getLuIdentity() {
        return lookup.status(team).luIdentity();
    }

    @Override
    public String getPolicy() {
        return lookup.status(team).policy();
    }

    @Override
    public String getMode() {
        return lookup.status(team).mode();
    }

    @Override
    public String getBalancerStatus() {
        return lookup.status(team).balancerStatus();
    }

    @Override
    public int getPathCount() {
        return lookup.status(team).paths().size();
    }

    @Override
    public int getUsablePaths() {
        return lookup.status(team).usablePaths();
    }

    @Override
    public int getQueuedCommands() {
        return lookup.status(team).queuedCommands();
    }

    @Override
    public long getFailovers() {
        return lookup.status(team).failovers();
    }

    @Override
    public long getLastFailoverMillis() {
        return lookup.status(team).lastFailoverMillis();
    }

    @Override
    public long getRetries() {
        return lookup.status(team).retries();
    }

    @Override
    public long getBytesRead() {
        return lookup.pathInfos(team).stream().mapToLong(PathInfo::bytesRead).sum();
    }

    @Override
    public long getBytesWritten() {
        return lookup.pathInfos(team).stream().mapToLong(PathInfo::bytesWritten).sum();
    }

    @Override
    public void failPath(String pathId) {
        lookup.admin().failPath(team, pathId);
    }

    @Override
    public boolean reinstatePath(String pathId) {
        return lookup.admin().reinstatePath(team, pathId);
    }

    @Override
    public void preferPath(String pathIdOrAdapter) {
        lookup.admin().preferPath(team, pathIdOrAdapter);
    }

    @Override
    public void resetCounters() {
        lookup.admin().resetCounters(team);
    }
}
