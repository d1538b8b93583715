package org.hbateam.failover.internal.team;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The teams that lost their last path. Such a team leaves the listing at once but stays registered for its
 * {@code noPathRetryMs}: callers holding it can keep submitting (commands wait), and a driver restarted
 * within that time (its paths join the same team) loses no I/O. After that, with no command waiting (for a
 * path, a fence or a backoff: each of those ends by itself, bounded by its own timeout), the sweeper
 * retires and closes it. Not thread-safe: the registry calls it under its lock.
 */
final class DormantTeams {
    private static final Logger LOG = LoggerFactory.getLogger(DormantTeams.class);

    private final Map<TeamImpl, Long> emptySinceNanos = new HashMap<>();

    void lostLastPath(TeamImpl team, long nowNanos) {
        emptySinceNanos.put(team, nowNanos);
        LOG.warn("team {} has no paths left; it waits up to {} ms for one to join ({} command(s) waiting)",
                team.name(), team.noPathRetryMs(), team.waitingCommands());
    }

    /** A path joined the team: it is not dormant (any more). */
    void gotPath(TeamImpl team) {
        emptySinceNanos.remove(team);
    }

    /**
     * Takes out of {@code teamsByLu} and returns the dormant teams that have waited their no-path retry time
     * with no command waiting; the caller closes them with {@link #close} once it has left the lock.
     */
    List<TeamImpl> retire(Map<String, TeamImpl> teamsByLu, long nowNanos) {
        List<TeamImpl> retired = new ArrayList<>();
        for (Iterator<Map.Entry<TeamImpl, Long>> it = emptySinceNanos.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<TeamImpl, Long> dormant = it.next();
            TeamImpl team = dormant.getKey();
            if (team.isEmpty() && team.waitingCommands() == 0
                    && nowNanos - dormant.getValue() >= TimeUnit.MILLISECONDS.toNanos(team.noPathRetryMs())
                    && teamsByLu.remove(team.luIdentity(), team)) {
                it.remove();
                retired.add(team);
            }
        }
        return retired;
    }

    /** Closes retired teams: whatever still reaches them fails with a {@code TeamException} naming them. */
    static void close(List<TeamImpl> retired) {
        for (TeamImpl team : retired) {
            LOG.info("team {}: no path came back within {} ms; the team is gone", team.name(), team.noPathRetryMs());
            team.close();
        }
    }

    void clear() {
        emptySinceNanos.clear();
    }
}
