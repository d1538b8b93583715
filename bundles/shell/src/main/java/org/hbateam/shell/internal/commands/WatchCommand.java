package org.hbateam.shell.internal.commands;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hbateam.shell.internal.completers.TeamNameCompleter;
import org.hbateam.shell.internal.format.Units;

/**
 * {@code hbateam:watch [team]}: a live view of per-path throughput and shares. Without {@code --count} it
 * clears the screen and redraws until Ctrl-C (which interrupts the command thread) or until the session's
 * output is closed; with {@code --count N} it prints N frames one after another, for scripts and batch mode.
 */
@Command(scope = "hbateam", name = "watch", description = "Shows per-path throughput (MB/s) and shares live, refreshing until Ctrl-C or --count frames")
@Service
public class WatchCommand extends HbaTeamCommandSupport {
    private static final String CLEAR_SCREEN = "\u001B[2J\u001B[H";

    @Argument(index = 0, name = "team", description = "Only this team's paths; default every team", required = false)
    @Completion(TeamNameCompleter.class)
    String teamName;

    @Option(name = "--interval", description = "Milliseconds between refreshes, 100 to 60000 (default 1000)")
    long intervalMillis = 1000;

    @Option(name = "--count", description = "Stop after this many frames and print them one after another (default 0: until Ctrl-C, redrawing)")
    int count;

    @Override
    protected Object doExecute() {
        if (intervalMillis < 100 || intervalMillis > 60_000) {
            throw new IllegalArgumentException("--interval: " + intervalMillis + " ms is outside 100 to 60000");
        }
        if (count < 0) {
            throw new IllegalArgumentException("--count: " + count + " is negative");
        }
        ThroughputSampler sampler = new ThroughputSampler();
        sampler.sample(selectTeams(teamName), System.nanoTime());
        PrintStream out = System.out;
        for (int frame = 1; count == 0 || frame <= count; frame++) {
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException ctrlC) {
                Thread.currentThread().interrupt();
                return null;
            }
            List<ThroughputSampler.Sample> samples = sampler.sample(selectTeams(teamName), System.nanoTime());
            draw(out, samples);
            if (out.checkError()) {
                return null; // the session went away: nobody is watching
            }
        }
        return null;
    }

    private void draw(PrintStream out, List<ThroughputSampler.Sample> samples) {
        out.print(count == 0 ? CLEAR_SCREEN : "");
        out.println("hbateam:watch  " + Instant.now() + "  every " + intervalMillis + " ms" + (count == 0 ? "  (Ctrl-C to stop)" : ""));
        ShellTable table = new ShellTable();
        table.column("Team");
        table.column("Path");
        table.column("Adapter");
        table.column("State");
        table.column("Read").alignRight();
        table.column("Write").alignRight();
        table.column("Read %").alignRight();
        table.column("Write %").alignRight();
        table.column("In flight").alignRight();
        for (ThroughputSampler.Sample s : samples) {
            table.addRow().addContent(s.team(), s.path().pathId(), s.path().adapterId(), s.path().state(),
                    Units.megabytesPerSecond(s.readBytesPerSecond()), Units.megabytesPerSecond(s.writeBytesPerSecond()),
                    Units.percent(s.path().readShare()), Units.percent(s.path().writeShare()), s.path().inFlight());
        }
        table.print(out, true);
        out.flush();
    }
}
