package org.hbateam.shell.internal.commands;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hbateam.api.team.Team;
import org.hbateam.api.team.TeamService;

/** Plumbing shared by the hbateam commands: the team service, team lookup and table printing. */
public abstract class HbaTeamCommandSupport implements Action {
    @Reference
    protected TeamService teamService;

    @Option(name = "--no-format", description = "Print plain rows, without borders, for scripts")
    protected boolean noFormat;

    /** The team with this name; a clear one-line error naming the known teams when there is none. */
    protected Team requireTeam(String name) {
        return teamService.team(name).orElseThrow(() -> new IllegalArgumentException(
                "no team named '" + name + "'; teams: " + teamNames()));
    }

    /** Teams to show: the named one, or all of them when no name is given. */
    protected List<Team> selectTeams(String name) {
        return name == null ? teamService.teams() : List.of(requireTeam(name));
    }

    protected void print(ShellTable table) {
        table.print(System.out, !noFormat);
    }

    private String teamNames() {
        List<Team> teams = teamService.teams();
        return teams.isEmpty() ? "(none)" : String.join(", ", teams.stream().map(Team::name).toList());
    }
}
