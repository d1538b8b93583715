package org.hbateam.failover.internal.team;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The registry's teams as read without its lock: immutable snapshots, replaced whenever a team forms,
 * loses or gains a path, is renamed or retires. Callers see the teams with at least one path, sorted by
 * name; the sweeper visits every team, dormant ones included.
 */
final class TeamListing {
    /** Teams with at least one path, sorted by name: what callers see. */
    private volatile List<TeamImpl> listed = List.of();
    /** Every team, including dormant ones (no path left, commands still waiting): what the sweeper visits. */
    private volatile List<TeamImpl> all = List.of();

    /** Replaces the snapshots; called under the registry's lock, so snapshots are published in order. */
    void publish(Collection<TeamImpl> teams) {
        List<TeamImpl> sorted = new ArrayList<>(teams);
        sorted.sort(Comparator.comparing(TeamImpl::name));
        all = List.copyOf(sorted);
        sorted.removeIf(TeamImpl::isEmpty);
        listed = List.copyOf(sorted);
    }

    List<TeamImpl> listed() {
        return listed;
    }

    List<TeamImpl> all() {
        return all;
    }

    /** The listed team with this name. */
    Optional<TeamImpl> named(String name) {
        for (TeamImpl team : listed) {
            if (team.name().equals(name)) {
                return Optional.of(team);
            }
        }
        return Optional.empty();
    }
}
