package org.hbateam.shell.internal.commands;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hbateam.failover.admin.FailoverAdmin;
import org.hbateam.shell.internal.completers.PathIdCompleter;
import org.hbateam.shell.internal.completers.TeamNameCompleter;

/** {@code hbateam:fail-path <team> <path>}: holds the path out until reinstated. */
@Command(scope = "hbateam", name = "fail-path", description = "Takes a path out of service by hand, as if it had failed; it stays out until hbateam:reinstate-path")
@Service
public class FailPathCommand extends HbaTeamCommandSupport {

    @Reference
    FailoverAdmin admin;

    @Argument(index = 0, name = "team", description = "The team the path belongs to", required = true)
    @Completion(TeamNameCompleter.class)
    String teamName;

    @Argument(index = 1, name = "path", description = "The path id, as hbateam:paths lists it", required = true)
    @Completion(PathIdCompleter.class)
    String path;

    @Override
    protected Object doExecute() {
        String team = requireTeam(teamName).name();
        admin.failPath(team, path);
        System.out.println("team " + team + ": path " + path + " failed by the operator; it stays out until hbateam:reinstate-path");
        return null;
    }
}
