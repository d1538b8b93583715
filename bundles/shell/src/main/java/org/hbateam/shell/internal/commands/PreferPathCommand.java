package org.hbateam.shell.internal.commands;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;
import org.hbateam.failover.admin.FailoverAdmin;
import org.hbateam.shell.internal.completers.PathOrAdapterCompleter;
import org.hbateam.shell.internal.completers.TeamNameCompleter;

/** {@code hbateam:prefer-path <team> <path-or-adapter>}: overrides the primary for failover-only routing. */
@Command(scope = "hbateam", name = "prefer-path",
        description = "Makes a path, or the path over an adapter, the team's primary for failover-only routing until the service restarts; '-' returns to the configured primary")
@Service
public class PreferPathCommand extends HbaTeamCommandSupport {

    @Reference
    FailoverAdmin admin;

    @Argument(index = 0, name = "team", description = "The team to change", required = true)
    @Completion(TeamNameCompleter.class)
    String teamName;

    @Argument(index = 1, name = "path-or-adapter", description = "A path id or an adapter id; '-' for the configured primary", required = true)
    @Completion(PathOrAdapterCompleter.class)
    String pathOrAdapter;

    @Override
    protected Object doExecute() {
        Team team = requireTeam(teamName);
        String choice = "-".equals(pathOrAdapter) ? null : pathOrAdapter;
        if (choice != null) {
            requireMember(team, choice);
        }
        admin.preferPath(team.name(), choice);
        System.out.println("team " + team.name() + ": primary " + (choice == null ? "is the configured one again" : "is now " + choice));
        return null;
    }

    /** The failover service accepts any name (the path may come later); an operator typing one wants a present one. */
    private static void requireMember(Team team, String pathOrAdapter) {
        List<PathInfo> paths = team.paths();
        boolean present = paths.stream().anyMatch(p -> p.pathId().equals(pathOrAdapter) || p.adapterId().equals(pathOrAdapter));
        if (!present) {
            throw new IllegalArgumentException("team " + team.name() + " has no path or adapter '" + pathOrAdapter + "'; adapters: "
                    + String.join(", ", paths.stream().map(PathInfo::adapterId).distinct().toList()));
        }
    }
}
