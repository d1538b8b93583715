package org.hbateam.benchmarks.scenario;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;
import org.hbateam.load.QueueDepthLoop;

/**
 * One team over two adapters of unequal bandwidth (100 and 300 MB/s by default) and nothing else on them:
 * how close each policy gets to the sum of the adapters' bandwidth.
 */
final class UnequalAdaptersScenario {
    static final int SLOW_MBPS = 100;
    static final int FAST_MBPS = 300;
    private static final String LU = "naa.600144f0000000000000000000000c01";
    private static final int LUN_MB = 32;
    private static final String SLOW = "slow";
    private static final String FAST = "fast";

    private final ScenarioOptions options;
    private final PrintStream progress;

    private static final class Row {
        final List<Double> mbps = new ArrayList<>();
        final List<Double> overSlow = new ArrayList<>();
        final List<Double> slowRead = new ArrayList<>();
        final List<Double> slowWrite = new ArrayList<>();
    }

    UnequalAdaptersScenario(ScenarioOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    List<Case> cases() {
        int slowShare = Math.round(100f * SLOW_MBPS / (SLOW_MBPS + FAST_MBPS));
        String[] matched = {SLOW + "=" + slowShare, FAST + "=" + (100 - slowShare)};
        List<Case> cases = new ArrayList<>();
        cases.add(Case.of("static, equal shares", "static"));
        cases.add(Case.of("static, shares " + slowShare + "/" + (100 - slowShare), "static", matched));
        cases.add(Case.dynamic(1000));
        cases.add(Case.dynamic(1000, "capacity"));
        cases.addAll(List.of(Case.of("round-robin"), Case.of("least-queue-depth"), Case.of("service-time")));
        return cases;
    }

    void run(SimSetup setup, PrintStream out) throws Exception {
        setup.adapter(SLOW, SLOW_MBPS);
        setup.adapter(FAST, FAST_MBPS);
        setup.lun(3, LU, LUN_MB, SLOW, FAST);
        setup.team("C", LU);
        Team team = setup.awaitTeam("C", 2);
        QueueDepthLoop load = SimSetup.load(team, options, LUN_MB << 20);
        Map<Case, Row> rows = new LinkedHashMap<>();
        cases().forEach(c -> rows.put(c, new Row()));
        load.start();
        try {
            for (int rep = 1; rep <= options.repeats(); rep++) {
                for (Case c : rows.keySet()) {
                    Row row = rows.get(c);
                    double mbps = measure(setup, team, c, load, row);
                    row.mbps.add(mbps);
                    PathInfo slow = Trace.pathOver(team, SLOW);
                    row.slowRead.add(slow.readShare());
                    row.slowWrite.add(slow.writeShare());
                    progress.printf("unequal adapters, run %d: %s: %s MB/s%n", rep, c.label(), Stats.f0(mbps));
                }
            }
        } finally {
            load.stopAndDrain();
        }
        if (load.errors() > 0) {
            throw new IllegalStateException(load.errors() + " commands failed; the measurements are not valid");
        }
        print(out, rows);
    }

    private double measure(SimSetup setup, Team team, Case c, QueueDepthLoop load, Row row) throws Exception {
        if (c.isDynamic()) {
            // The patent's mode needs only a short trace: no other team uses these adapters, and the static rule
            // between ticks delivers exactly the shares' byte split, so nothing moves. The capacity mode moves
            // by latency and needs its ticks.
            double trace = c.mode().equals("patent") ? Math.min(3, options.settleSeconds()) : options.settleSeconds();
            DynamicRun.switchAndTrace(setup, team, "C", c, options.warmupSeconds(), trace, load, null, SLOW);
        } else {
            setup.policy("C", c.policy(), c.shares());
            Thread.sleep(Math.round(options.warmupSeconds() * 1000));
        }
        long slowBefore = Trace.bytesOver(team, SLOW);
        long totalBefore = Trace.bytesTotal(team);
        double mbps = Stats.measureMBps(options.measureSeconds(), load)[0];
        long total = Trace.bytesTotal(team) - totalBefore;
        row.overSlow.add(total == 0 ? 0 : 100.0 * (Trace.bytesOver(team, SLOW) - slowBefore) / total);
        return mbps;
    }

    private static void print(PrintStream out, Map<Case, Row> rows) {
        int sum = SLOW_MBPS + FAST_MBPS;
        out.printf("%n### Unequal adapters: one team over %s (%d MB/s) + %s (%d MB/s), sum %d MB/s%n%n",
                SLOW, SLOW_MBPS, FAST, FAST_MBPS, sum);
        out.println("| policy | MB/s, median (runs) | fraction of the sum | bytes over the slow adapter "
                + "| slow adapter's share (balancer), read / write % |");
        out.println("| --- | ---: | ---: | ---: | ---: |");
        rows.forEach((c, r) -> {
            double m = Stats.median(r.mbps);
            boolean shares = c.policy().equals("static") || c.policy().equals("dynamic");
            out.printf("| %s | %s (%s) | %s %% | %s %% | %s |%n", c.label(), Stats.f0(m), Stats.all(r.mbps),
                    Stats.f1(100 * m / sum), Stats.f1(Stats.median(r.overSlow)), shares
                            ? Stats.f1(Stats.median(r.slowRead)) + " / " + Stats.f1(Stats.median(r.slowWrite)) : "-");
        });
    }
}
