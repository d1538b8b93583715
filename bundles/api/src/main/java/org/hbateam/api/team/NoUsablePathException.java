package org.hbateam.api.team;

/**
 * Every path of the team stayed unusable for longer than the team's no-path retry time, so a queued
 * command was failed. Raised once per command; the command was not sent on any path after the last
 * path failure.
 */
public class NoUsablePathException extends TeamException {
    private static final long serialVersionUID = 1L;

    public NoUsablePathException(String team, long waitedMillis) {
        super(team, "no path is usable for team " + team + " (waited " + waitedMillis + " ms)", null);
    }
}
