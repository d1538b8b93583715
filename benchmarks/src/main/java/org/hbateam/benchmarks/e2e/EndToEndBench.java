package org.hbateam.benchmarks.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.hbateam.testbed.BedSpec;
import org.hbateam.testbed.TestBed;

/**
 * {@code benchmarks/run e2e}: brings a real bed up (tgtd, veth paths), measures our initiator against libiscsi
 * on one path, aggregation over throttled paths per strategy, and failover time after a link cut and after a
 * black hole, tears the bed down whatever happens (finally, and a shutdown hook for a signal), and appends the
 * results to docs/benchmarks.md.
 */
public final class EndToEndBench {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private EndToEndBench() {
    }

    public static void main(String[] args) throws Exception {
        E2eSettings settings = E2eSettings.parse(args);
        String started = now();
        String loadStart = loadAverage();
        String revision = gitRevision();
        TestBed.install();
        TestBed.down(settings.name()); // what a killed earlier run may have left
        TestBed bed = TestBed.up(BedSpec.builder().name(settings.name()).paths(settings.bedPaths()).size(settings.lunSize())
                .luns(settings.bedLuns())
                .maxConnections(settings.bedPaths()).build()); // connection-based rows: one MC/S connection per path
        Thread teardown = new Thread(bed::close, "e2e-bed-teardown");
        Runtime.getRuntime().addShutdownHook(teardown);
        Report report;
        try {
            bed.peers();
            Report sections = new Report();
            if (settings.runs("single")) {
                sections.singlePath(new SinglePathPhase(bed, settings.seconds(), settings.pairs()).run(), settings);
            }
            if (settings.runs("efficiency")) {
                sections.efficiency(new EfficiencyPhase(bed, settings.seconds(), settings.efficiencyPairs()).run(), settings);
            }
            if (settings.runs("memory")) {
                sections.memory(new MemoryPhase(bed, settings.settleSeconds()).run());
            }
            if (settings.runs("aggregation")) {
                sections.aggregation(new AggregationPhase(bed, settings.aggregationSeconds(), settings.rate())
                        .run(settings.aggregationPaths()), settings);
            }
            if (settings.runs("unequal")) {
                sections.unequal(new UnequalLinksPhase(bed, settings.aggregationSeconds(), settings.settleSeconds(),
                        settings.unequalRates()).run(), settings);
            }
            if (settings.runs("failover")) {
                List<FailoverTimePhase.Result> failover = List.of(
                        new FailoverTimePhase(bed, settings.failoverRuns(), BedFault.CUT).run(),
                        new FailoverTimePhase(bed, settings.blackholeRuns(), BedFault.BLACK_HOLE).run());
                McsFailoverPhase.Result mcsFailover = new McsFailoverPhase(bed, settings.failoverRuns()).run();
                sections.failover(failover).mcsFailover(mcsFailover, failover.get(0));
            }
            report = new Report().header(settings.command(), started, now(), revision, loadStart, loadAverage(), settings)
                    .then(sections);
        } finally {
            bed.close();
            Runtime.getRuntime().removeShutdownHook(teardown);
        }
        String markdown = report.markdown();
        System.out.println();
        System.out.print(markdown);
        Files.writeString(Path.of(settings.out()), "\n" + markdown, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        System.out.println("appended to " + settings.out());
        // Driver and failover threads are daemons or stopped; exit explicitly in case a library left one.
        System.exit(0);
    }

    private static String now() {
        return ZonedDateTime.now(ZoneOffset.UTC).format(TIME);
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String gitRevision() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? out : "unknown";
        } catch (Exception e) {
            return "unknown";
        }
    }
}
