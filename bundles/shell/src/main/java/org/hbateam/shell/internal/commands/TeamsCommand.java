package org.hbateam.shell.internal.commands;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hbateam.api.path.PathState;
import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;

/** {@code hbateam:teams}: one row per team. */
@Command(scope = "hbateam", name = "teams", description = "Lists the teams: one logical unit each, with its paths and policy")
@Service
public class TeamsCommand extends TableCommandSupport {

    @Override
    protected Object doExecute() {
        ShellTable table = new ShellTable();
        table.column("Team");
        table.column("LU identity");
        table.column("Policy");
        table.column("Paths").alignRight();
        table.column("Usable").alignRight();
        for (Team team : teamService.teams()) {
            table.addRow().addContent(team.name(), team.luIdentity(), team.policy(),
                    team.paths().size(), usablePaths(team));
        }
        print(table);
        return null;
    }

    private static long usablePaths(Team team) {
        return team.paths().stream().map(PathInfo::state).filter(PathState::isUsable).count();
    }
}
