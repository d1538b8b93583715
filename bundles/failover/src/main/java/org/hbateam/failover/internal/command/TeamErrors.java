package org.hbateam.failover.internal.command;

import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.team.TeamException;
import org.hbateam.failover.internal.health.PathEntry;

/** The failures a team reports to its callers, worded in one place so every one names the team. */
public final class TeamErrors {
    private TeamErrors() {
    }

    /** For a command given to, or still open on, a team that has been closed. */
    static TeamException closed(String team) {
        return new TeamException(team, "team " + team + " is closed (the failover service stopped, or no path came back)", null);
    }

    /** For a command that the path cannot carry (REFUSED): it fails alone, with the driver's word as its cause. */
    static TeamException refused(String team, PathEntry path, ScsiCommand command, PathException error) {
        return new TeamException(team, "team " + team + ": path " + path + " refused command " + command + ": "
                + error.getMessage() + "; not retried, no path failed", error);
    }

    /** For a command that met more path errors than {@code maxRetries}. */
    static TeamException tooManyRetries(String team, int retries, int maxRetries, PathException last) {
        return new TeamException(team, "team " + team + ": command met " + retries + " path errors, more than maxRetries="
                + maxRetries + "; last: " + last, last);
    }

    /** For a command whose outcome is unknown and whose path gave no fence in time: it is never replayed. */
    static TeamException notFenced(String team, ScsiCommand command, PathEntry path, long fenceTimeoutMs, String fence,
                                   PathException error) {
        return new TeamException(team, "team " + team + ": command " + command + " could not be fenced on path " + path
                + " within fenceTimeoutMs=" + fenceTimeoutMs + " (" + fence + "); not retried, its outcome is unknown. "
                + "It failed there with: " + error, error);
    }

    /** For a command whose outcome is unknown and whose path left before it gave a fence. */
    static TeamException leftWhileFencing(String team, ScsiCommand command, PathEntry path, PathException error) {
        return new TeamException(team, "team " + team + ": command " + command + " was waiting for path " + path
                + " to fence it when the path left; not retried, its outcome is unknown. It failed there with: " + error,
                error);
    }

    /** A command's failure as the caller sees it: a {@link TeamException} as it is, anything else wrapped in one. */
    public static TeamException asTeamException(String team, Throwable cause) {
        return cause instanceof TeamException
                ? (TeamException) cause
                : new TeamException(team, "team " + team + ": " + cause, cause);
    }
}
