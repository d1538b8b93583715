package org.hbateam.shell.internal.commands;

import java.util.Map;
import java.util.function.Function;
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
import org.hbateam.shell.internal.format.Units;

/** {@code hbateam:team <team>}: one team in detail, its settings and health first, then one row per path. */
@Command(scope = "hbateam", name = "team", description = "Shows one team in detail: policy, mode, failovers, and every path's state, shares, bytes and latency")
@Service
public class TeamCommand extends TableCommandSupport {

    @Reference
    FailoverAdmin admin;

    @Argument(index = 0, name = "team", description = "The team to show", required = true)
    @Completion(TeamNameCompleter.class)
    String teamName;

    @Override
    protected Object doExecute() {
        Team team = requireTeam(teamName);
        TeamStatus status = admin.status(team.name()).orElseThrow(
                () -> new IllegalArgumentException("team '" + teamName + "' has just gone"));
        printSummary(status);
        print(pathTable(team, status));
        return null;
    }

    private void printSummary(TeamStatus status) {
        line("Team", status.name());
        line("LU identity", status.luIdentity());
        // As the unit reported it: a T10 vendor designator's padding, which the identity replaced, shows here.
        line("LU designator", status.luDesignator());
        line("Policy", status.policy());
        line("Mode", status.mode());
        line("Balancer", status.balancerStatus());
        line("Usable paths", status.usablePaths() + " of " + status.paths().size());
        line("Queued commands", Integer.toString(status.queuedCommands()));
        line("Failovers", Long.toString(status.failovers()));
        line("Last failover", Units.time(status.lastFailoverMillis()));
        System.out.println();
    }

    /** One "key value" line: aligned for people, tab-separated with --no-format. */
    private void line(String key, String value) {
        System.out.println(noFormat ? key + "\t" + value : String.format("%-16s %s", key, value));
    }

    private static ShellTable pathTable(Team team, TeamStatus status) {
        Map<String, PathStatus> health = status.paths().stream()
                .collect(Collectors.toMap(PathStatus::pathId, Function.identity(), (a, b) -> a));
        ShellTable table = new ShellTable();
        table.column("Path");
        table.column("Adapter");
        table.column("Group").alignRight();
        table.column("State");
        table.column("Usable");
        table.column("Held");
        table.column("Read %").alignRight();
        table.column("Write %").alignRight();
        table.column("Read bytes").alignRight();
        table.column("Written bytes").alignRight();
        table.column("In flight").alignRight();
        table.column("Latency").alignRight();
        table.column("Timeout ms").alignRight();
        table.column("Session");
        for (PathInfo path : team.paths()) {
            PathStatus ps = health.get(path.pathId());
            table.addRow().addContent(path.pathId(), path.adapterId(), ps == null ? "-" : ps.priorityGroup(),
                    path.state(), ps == null ? "-" : ps.usable() ? "yes" : "no", held(ps),
                    Units.percent(path.readShare()), Units.percent(path.writeShare()),
                    path.bytesRead(), path.bytesWritten(), path.inFlight(),
                    ps == null ? "-" : Units.millis(ps.averageLatencyNanos()), ps == null ? "-" : ps.timeoutMillis(),
                    ps == null ? "-" : ps.sessionId());
        }
        return table;
    }

    /** Why the team holds the path out, if it does. */
    private static String held(PathStatus ps) {
        if (ps == null || !ps.heldOut()) {
            return "-";
        }
        return ps.heldByOperator() ? "operator" : ps.flaky() ? "flaky" : "failed";
    }
}
