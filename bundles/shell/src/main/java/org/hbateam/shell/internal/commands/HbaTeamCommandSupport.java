package org.hbateam.shell.internal.commands;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.hbateam.api.team.Team;
import org.hbateam.api.team.TeamException;
import org.hbateam.api.team.TeamService;

/**
 * Plumbing shared by the hbateam commands: the team service, team lookup, and turning a wrong argument
 * into a {@link CommandFailedException}: one line on the console, no stack trace, and a non-zero exit status.
 */
public abstract class HbaTeamCommandSupport implements Action {

    @Reference
    protected TeamService teamService;

    /**
     * Runs the command. A wrong argument, an unknown team or path, or a refused operation
     * ({@link IllegalArgumentException}, {@link IllegalStateException}), or a team that cannot do the I/O asked
     * ({@link TeamException}) fails the command: Karaf prints the one-line message on the session's console and
     * {@code bin/client -b} exits non-zero, so a script sees it (a message printed and a normal return would not).
     */
    @Override
    public final Object execute() throws Exception {
        try {
            return doExecute();
        } catch (IllegalArgumentException | IllegalStateException | TeamException wrong) {
            throw new CommandFailedException(wrong.getMessage());
        }
    }

    /** The command's work; throws IllegalArgumentException with a one-line message for a wrong argument. */
    protected abstract Object doExecute() throws Exception;

    /** The team with this name; a clear one-line error naming the known teams when there is none. */
    protected Team requireTeam(String name) {
        return teamService.team(name).orElseThrow(() -> new IllegalArgumentException(
                "no team named '" + name + "'; teams: " + teamNames()));
    }

    /** Teams to show: the named one, or all of them when no name is given. */
    protected List<Team> selectTeams(String name) {
        return name == null ? teamService.teams() : List.of(requireTeam(name));
    }

    private String teamNames() {
        List<Team> teams = teamService.teams();
        return teams.isEmpty() ? "(none)" : String.join(", ", teams.stream().map(Team::name).toList());
    }
}
