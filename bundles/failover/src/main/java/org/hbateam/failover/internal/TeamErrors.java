package org.hbateam.failover.internal;

import org.hbateam.api.team.TeamException;

/** The failures a team reports to its callers, worded in one place so every one names the team. */
final class TeamErrors {
    private TeamErrors() {
    }

    /** For a command given to, or still open on, a team that has been closed. */
    static TeamException closed(String team) {
        return new TeamException(team, "team " + team + " is closed (the failover service stopped, or no path came back)", null);
    }

    /** A command's failure as the caller sees it: a {@link TeamException} as it is, anything else wrapped in one. */
    static TeamException asTeamException(String team, Throwable cause) {
        return cause instanceof TeamException
                ? (TeamException) cause
                : new TeamException(team, "team " + team + ": " + cause, cause);
    }
}
