package org.hbateam.shell.internal.commands;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code hbateam:reinstate-path <team> <path>}: puts a held-out path back into service. */
@Command(scope = "hbateam", name = "reinstate-path", description = "Puts a path back into service now, bypassing the failback policy and a flaky hold-down")
@Service
public class ReinstatePathCommand extends PathCommandSupport {

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
