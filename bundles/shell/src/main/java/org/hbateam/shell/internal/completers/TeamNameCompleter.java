package org.hbateam.shell.internal.completers;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.hbateam.api.team.Team;
import org.hbateam.api.team.TeamService;

/** Completes the names of the teams that exist now. */
@Service
public class TeamNameCompleter implements Completer {
    @Reference
    private TeamService teamService;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        for (Team team : teamService.teams()) {
            names.getStrings().add(team.name());
        }
        return names.complete(session, commandLine, candidates);
    }
}
