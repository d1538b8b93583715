package org.hbateam.shell.internal.commands;

import java.io.PrintStream;

import org.HdrHistogram.Histogram;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hbateam.api.team.Team;
import org.hbateam.shell.internal.bench.BenchReport;
import org.hbateam.shell.internal.bench.BenchRun;
import org.hbateam.shell.internal.bench.BenchSpec;
import org.hbateam.shell.internal.completers.TeamNameCompleter;

/**
 * {@code hbateam:bench <team>}: drives a workload through the team (asynchronous submits at a fixed queue depth),
 * prints one progress line per second and a summary line with throughput, IOPS and latency percentiles.
 * Read-only by default; writes overwrite the last {@code --region} bytes of the LUN and need {@code --allow-writes}.
 */
@Command(scope = "hbateam", name = "bench",
        description = "Drives a workload against a team and prints throughput, IOPS and latency percentiles. Read-only unless --allow-writes: writes OVERWRITE the last --region bytes of the LUN")
@Service
public class BenchCommand extends HbaTeamCommandSupport {
    /** How long to wait for commands still in flight after the run. */
    private static final long DRAIN_MILLIS = 30_000;

    @Argument(index = 0, name = "team", description = "The team to drive", required = true)
    @Completion(TeamNameCompleter.class)
    String teamName;

    @Option(name = "--size", description = "Bytes per command, a multiple of the block size: 4096, 128k, 1m (default 128k, at most 16m)")
    String size = "128k";

    @Option(name = "--read-percent", description = "Percentage of commands that read, 0 to 100 (default 100: read-only)")
    int readPercent = 100;

    @Option(name = "--queue-depth", description = "Commands kept in flight, 1 to 1024 (default 16)")
    int queueDepth = 16;

    @Option(name = "--duration", description = "How long to run: 500ms, 10s, 2m; a bare number is seconds (default 10s)")
    String duration = "10s";

    @Option(name = "--region", description = "Size of the scratch region at the END of the LUN that the commands address (default 64m)")
    String region = "64m";

    @Option(name = "--allow-writes", description = "Confirms that writes may OVERWRITE the scratch region; required when --read-percent is below 100")
    boolean allowWrites;

    @Override
    protected Object doExecute() throws Exception {
        BenchSpec spec = BenchSpec.parse(size, readPercent, queueDepth, duration, region, allowWrites);
        Team team = requireTeam(teamName);
        PrintStream out = System.out;
        try (BenchRun run = new BenchRun(team, spec, team.blockSize(), team.capacityBytes())) {
            out.println("bench " + team.name() + ": " + spec.describe() + ", " + spec.durationMillis() + " ms (Ctrl-C stops early)");
            Histogram all = new Histogram(3);
            long start = System.nanoTime();
            run.start();
            boolean interrupted = progressLoop(run, spec, start, all, out);
            run.stop();
            double seconds = (System.nanoTime() - start) / 1e9;
            boolean drained = run.awaitDrained(DRAIN_MILLIS);
            all.add(run.intervalLatencies());
            out.println(BenchReport.summary(team.name(), spec, seconds, run.bytesRead() + run.bytesWritten(),
                    run.commands(), run.errors(), all));
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            failUnlessClean(team.name(), run, drained);
        }
        return null;
    }

    /** A run with failed or hung commands fails the command, after the summary: a script must not read it as a pass. */
    private static void failUnlessClean(String team, BenchRun run, boolean drained) {
        if (!drained) {
            throw new IllegalStateException("bench " + team + ": " + run.inFlight() + " commands still in flight after "
                    + DRAIN_MILLIS + " ms");
        }
        if (run.errors() > 0) {
            throw new IllegalStateException("bench " + team + ": " + run.errors() + " of " + run.commands()
                    + " commands failed; last error: " + run.lastError());
        }
    }

    /** Prints one line per second until the duration is over; true when Ctrl-C ended it early. */
    private static boolean progressLoop(BenchRun run, BenchSpec spec, long start, Histogram all, PrintStream out) {
        long end = start + spec.durationMillis() * 1_000_000L;
        long lastNanos = start;
        long lastBytes = 0;
        long lastCommands = 0;
        for (long second = 1; System.nanoTime() < end; second++) {
            try {
                Thread.sleep(Math.max(1, Math.min(1000, (end - System.nanoTime()) / 1_000_000L)));
            } catch (InterruptedException ctrlC) {
                return true;
            }
            long now = System.nanoTime();
            Histogram interval = run.intervalLatencies();
            all.add(interval);
            long bytes = run.bytesRead() + run.bytesWritten();
            long commands = run.commands();
            out.println(BenchReport.progress(second, bytes - lastBytes, commands - lastCommands, (now - lastNanos) / 1e9, interval, run.inFlight()));
            out.flush();
            lastNanos = now;
            lastBytes = bytes;
            lastCommands = commands;
        }
        return false;
    }
}
