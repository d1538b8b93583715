package org.hbateam.api.team;

import java.io.IOException;

/** A team could not complete a command. The message names the team. */
public class TeamException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String team;

    public TeamException(String team, String message, Throwable cause) {
        super(message, cause);
        this.team = team;
    }

    /** The name of the team that failed the command. */
    public String team() {
        return team;
    }
}
