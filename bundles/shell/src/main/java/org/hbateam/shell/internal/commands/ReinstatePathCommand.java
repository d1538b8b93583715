package org.hbateam.shell.internal.commands;

import java.util.Optional;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hbateam.failover.admin.PathStatus;

/** {@code hbateam:reinstate-path <team> <path>}: puts a held-out path back into service. */
@Command(scope = "hbateam", name = "reinstate-path", description = "Puts a path back into service now, bypassing the failback policy and a flaky hold-down")
@Service
public class ReinstatePathCommand extends PathCommandSupport {

    @Override
    protected Object doExecute() {
        String team = requireTeam(teamName).name();
        if (admin.reinstatePath(team, path)) {
            System.out.println("team " + team + ": path " + path + " reinstated");
        } else if (isInService(team)) {
            System.out.println("team " + team + ": path " + path + " was not out; nothing to reinstate");
        } else {
            // The operator asked for the path to carry I/O and it does not: a script must see that.
            throw new IllegalStateException("team " + team + ": path " + path + " was not reinstated: its driver reports it "
                    + driverState(team));
        }
        return null;
    }

    private boolean isInService(String team) {
        return pathStatus(team).map(p -> !p.heldOut()).orElse(false);
    }

    private String driverState(String team) {
        return pathStatus(team).map(PathStatus::driverState).orElse("gone");
    }

    private Optional<PathStatus> pathStatus(String team) {
        return admin.status(team).flatMap(s -> s.paths().stream().filter(p -> p.pathId().equals(path)).findFirst());
    }
}
