package org.hbateam.shell.internal.commands;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code hbateam:fail-path <team> <path>}: holds the path out until reinstated. */
@Command(scope = "hbateam", name = "fail-path", description = "Takes a path out of service by hand, as if it had failed; it stays out until hbateam:reinstate-path")
@Service
public class FailPathCommand extends PathCommandSupport {

    @Override
    protected Object doExecute() {
        String team = requireTeam(teamName).name();
        admin.failPath(team, path);
        System.out.println("team " + team + ": path " + path + " failed by the operator; it stays out until hbateam:reinstate-path");
        return null;
    }
}
