package org.hbateam.shell.internal.commands;

import java.util.Map;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;
import org.hbateam.failover.admin.FailoverAdmin;
import org.hbateam.failover.admin.PathStatus;
import org.hbateam.failover.admin.TeamStatus;
import org.hbateam.shell.internal.completers.TeamNameCompleter;

/**
 * {@code hbateam:paths [team]}: one row per path, across all teams or for one. The last column is the path's
 * session: the connections of one MC/S session share it (their path ids end in /cCID), a session-based path has its
 * own.
 */
@Command(scope = "hbateam", name = "paths", description = "Lists the data paths of every team, or of one team")
@Service
public class PathsCommand extends TableCommandSupport {

    @Reference
    FailoverAdmin admin;

    @Argument(index = 0, name = "team", description = "Only this team's paths", required = false)
    @Completion(TeamNameCompleter.class)
    String teamName;

    /** Each path's session id, by path id. */
    static Map<String, String> sessions(TeamStatus status) {
        return status.paths().stream().collect(Collectors.toMap(PathStatus::pathId, PathStatus::sessionId, (a, b) -> a));
    }

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
        table.column("Session");
        for (Team team : selectTeams(teamName)) {
            Map<String, String> sessions = admin.status(team.name()).map(PathsCommand::sessions).orElse(Map.of());
            for (PathInfo path : team.paths()) {
                table.addRow().addContent(team.name(), path.pathId(), path.adapterId(),
                        path.target() + "/" + path.lun(), path.state(),
                        path.bytesRead(), path.bytesWritten(), path.inFlight(),
                        sessions.getOrDefault(path.pathId(), "-"));
            }
        }
        print(table);
        return null;
    }
}
