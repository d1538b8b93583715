package org.hbateam.shell.internal.commands;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.hbateam.api.team.Team;
import org.hbateam.api.team.TeamException;
import org.hbateam.api.team.TeamService;

/**
 * Plumbing shared by the hbateam commands: the team service, team lookup, and turning a wrong argument
 * into one red line instead of a stack trace.
 */
public abstract class HbaTeamCommandSupport implements Action {
    private static final String RED = "\u001B[31m";
    private static final String RESET = "\u001B[0m";

    @Reference
    protected TeamService teamService;

    /**
     * Runs the command. A wrong argument, an unknown team or path, or a refused operation
     * ({@link IllegalArgumentException}, {@link IllegalStateException}), or a team that cannot do the I/O asked
     * ({@link TeamException}) prints one red line on the session's console, where Karaf prints its own
     * argument errors (a command's stderr does not reach {@code bin/client -b}).
     */
    @Override
    public final Object execute() throws Exception {
        try {
            return doExecute();
        } catch (IllegalArgumentException | IllegalStateException | TeamException wrong) {
            printError(System.out, wrong.getMessage());
            return null;
        }
    }

    /** The command's work; throws IllegalArgumentException with a one-line message for a wrong argument. */
    protected abstract Object doExecute() throws Exception;

    /** Prints {@code message} as one red line: the only thing an operator sees of a wrong argument. */
    static void printError(PrintStream console, String message) {
        console.println(RED + "Error: " + oneLine(message) + RESET);
        console.flush();
    }

    private static String oneLine(String message) {
        return message == null ? "(no detail)" : message.replaceAll("\\R", " ");
    }

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
