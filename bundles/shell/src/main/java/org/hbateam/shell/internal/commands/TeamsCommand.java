package org.hbateam.shell.internal.commands;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hbateam.api.path.PathState;
import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;
import org.hbateam.failover.admin.ConfigurationProblem;
import org.hbateam.failover.admin.FailoverAdmin;

/**
 * {@code hbateam:teams}: one row per team. A team whose configuration is rejected says so in the Config column,
 * and every rejected configuration is listed under the table: a typo never changes behaviour unseen.
 */
@Command(scope = "hbateam", name = "teams", description = "Lists the teams: one logical unit each, with its paths, policy and whether its configuration was rejected")
@Service
public class TeamsCommand extends TableCommandSupport {

    @Reference
    FailoverAdmin admin;

    @Override
    protected Object doExecute() {
        List<ConfigurationProblem> problems = admin.configurationProblems();
        ShellTable table = new ShellTable();
        table.column("Team");
        table.column("LU identity");
        table.column("Policy");
        table.column("Paths").alignRight();
        table.column("Usable").alignRight();
        table.column("Config");
        for (Team team : teamService.teams()) {
            table.addRow().addContent(team.name(), team.luIdentity(), team.policy(),
                    team.paths().size(), usablePaths(team), configState(team, problems));
        }
        print(table);
        if (!noFormat) {
            for (ConfigurationProblem problem : problems) {
                System.out.println("REJECTED " + problem.message() + "; in force: " + problem.inForce());
            }
        }
        return null;
    }

    /** "ok", or "REJECTED (key)" when the team's configuration is rejected. */
    private static String configState(Team team, List<ConfigurationProblem> problems) {
        return problems.stream().filter(p -> p.team().equals(team.name())).findFirst()
                .map(p -> "REJECTED (" + p.key() + ")").orElse("ok");
    }

    private static long usablePaths(Team team) {
        return team.paths().stream().map(PathInfo::state).filter(PathState::isUsable).count();
    }
}
