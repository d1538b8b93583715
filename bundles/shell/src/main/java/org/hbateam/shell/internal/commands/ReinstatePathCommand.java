package org.hbateam.shell.internal.commands;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hbateam.failover.admin.FailoverAdmin;
import org.hbateam.shell.internal.completers.PathIdCompleter;
import org.hbateam.shell.internal.completers.TeamNameCompleter;

/** {@code hbateam:reinstate-path <team> <path>}: puts a held-out path back into service. */
@Command(scope = "hbateam", name = "reinstate-path", description = "Puts a path back into service now, bypassing the failback policy and a flaky hold-down")
@Service
public class ReinstatePathCommand extends HbaTeamCommandSupport {

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
        if (admin.reinstatePath(team, path)) {
            System.out.println("team " + team + ": path " + path + " reinstated");
        } else {
            System.out.println("team " + team + ": path " + path + " was not reinstated: it was not out, or its driver reports it DOWN");
        }
        return null;
    }
}
