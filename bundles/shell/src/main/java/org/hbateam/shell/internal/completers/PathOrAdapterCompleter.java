package org.hbateam.shell.internal.completers;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.TeamService;

/** Completes adapter ids and path ids: of the team already named on the command line, else of every team. */
@Service
public class PathOrAdapterCompleter implements Completer {
    @Reference
    private TeamService teamService;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        for (PathInfo path : TeamPaths.of(teamService, commandLine)) {
            ids.getStrings().add(path.adapterId());
            ids.getStrings().add(path.pathId());
        }
        return ids.complete(session, commandLine, candidates);
    }
}
