package org.hbateam.shell.internal.commands;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;
import org.hbateam.shell.internal.completers.TeamNameCompleter;

/** {@code hbateam:paths [team]}: one row per path, across all teams or for one. */
@Command(scope = "hbateam", name = "paths", description = "Lists the data paths of every team, or of one team")
@Service
public class PathsCommand extends TableCommandSupport {

    @Argument(index = 0, name = "team", description = "Only this team's paths", required = false)
    @Completion(TeamNameCompleter.class)
    String teamName;

    @Override
    protected Object doExecute() {
        ShellTable table = new ShellTable();
        table.column("Team");
        table.column("Path");
        table.column("Adapter");
        table.column("Target/LUN");
        table.column("State");
        table.column("Read bytes").alignRight();
        table.column("Written bytes").alignRight();
        table.column("In flight").alignRight();
        for (Team team : selectTeams(teamName)) {
            for (PathInfo path : team.paths()) {
                table.addRow().addContent(team.name(), path.pathId(), path.adapterId(),
                        path.target() + "/" + path.lun(), path.state(),
                        path.bytesRead(), path.bytesWritten(), path.inFlight());
            }
        }
        print(table);
        return null;
    }
}
