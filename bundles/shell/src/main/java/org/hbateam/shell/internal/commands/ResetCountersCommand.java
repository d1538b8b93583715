package org.hbateam.shell.internal.commands;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hbateam.failover.admin.FailoverAdmin;
import org.hbateam.shell.internal.completers.TeamNameCompleter;

/** {@code hbateam:reset-counters <team>}: restarts the counting window and forgets latency and failure history. */
@Command(scope = "hbateam", name = "reset-counters",
        description = "Restarts a team's counting window and forgets its latency estimates and failure history; cumulative bytes stay")
@Service
public class ResetCountersCommand extends HbaTeamCommandSupport {

    @Reference
    FailoverAdmin admin;

    @Argument(index = 0, name = "team", description = "The team whose counters to reset", required = true)
    @Completion(TeamNameCompleter.class)
    String teamName;

    @Override
    protected Object doExecute() {
        String team = requireTeam(teamName).name();
        admin.resetCounters(team);
        System.out.println("team " + team + ": counters reset");
        return null;
    }
}
