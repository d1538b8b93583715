package org.hbateam.benchmarks.scenario;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hbateam.api.team.Team;
import org.hbateam.load.QueueDepthLoop;

/**
 * The shared-adapter case in two acts, for the dynamic balancer's modes: team B saturates hba1 (shared with
 * team A) for a while, then stops. Team A's throughput is measured at the end of each act. The patent's rule
 * gains during the congestion but keeps the share away from hba1 after it; the relaxed mode should gain the
 * same and give the share back; the capacity mode steers by latency through both acts.
 */
final class CongestionThenQuietScenario {
    private static final String LU_A = "naa.600144f0000000000000000000000a11";
    private static final String LU_B = "naa.600144f0000000000000000000000b11";
    private static final int LUN_MB = SharedAdapterScenario.LUN_MB;
    private static final String SHARED = SharedAdapterScenario.SHARED;

    private final ScenarioOptions options;
    private final PrintStream progress;

    private static final class Row {
        final List<Double> congestedA = new ArrayList<>();
        final List<Double> congestedB = new ArrayList<>();
        final List<Double> quietA = new ArrayList<>();
        final List<Double> quietShare = new ArrayList<>();
    }

    CongestionThenQuietScenario(ScenarioOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    List<Case> cases() {
        return List.of(Case.of("static"), Case.dynamic(1000), Case.dynamic(1000, "relaxed"), Case.dynamic(1000, "capacity"));
    }

    void run(SimSetup setup, PrintStream out) throws Exception {
        List<Team> teams = SharedAdapterScenario.twoTeamsSharingAnAdapter(setup, 4, LU_A, LU_B);
        Team a = teams.get(0);
        Team b = teams.get(1);
        QueueDepthLoop loadA = SimSetup.load(a, options, LUN_MB << 20);
        QueueDepthLoop loadB = SimSetup.load(b, options, LUN_MB << 20);
        Map<Case, Row> rows = new LinkedHashMap<>();
        cases().forEach(c -> rows.put(c, new Row()));
        loadA.start();
        try {
            for (int rep = 1; rep <= options.repeats(); rep++) {
                for (Case c : rows.keySet()) {
                    twoActs(setup, a, c, rows.get(c), loadA, loadB);
                    Row row = rows.get(c);
                    progress.printf("congestion then quiet, run %d: %s: team A %s MB/s congested, %s MB/s after%n", rep,
                            c.label(), Stats.f0(last(row.congestedA)), Stats.f0(last(row.quietA)));
                }
            }
        } finally {
            loadA.stopAndDrain();
        }
        if (loadA.errors() + loadB.errors() > 0) {
            throw new IllegalStateException((loadA.errors() + loadB.errors()) + " commands failed; the measurements are not valid");
        }
        print(out, rows);
    }

    /** Static warm-up, then team B and the case's policy for settleSeconds, measure; B stops; settleSeconds, measure. */
    private void twoActs(SimSetup setup, Team a, Case c, Row row, QueueDepthLoop loadA, QueueDepthLoop loadB)
            throws Exception {
        setup.dynamicParameters(1000, DynamicRun.CHANGE_THRESHOLD, DynamicRun.LB_CHANGE, c.mode());
        setup.policy("A", "static");
        Thread.sleep(Math.round(options.warmupSeconds() * 1000));
        loadB.start();
        try {
            setup.policy("A", c.policy(), c.shares());
            Thread.sleep(Math.round(options.settleSeconds() * 1000));
            double[] congested = Stats.measureMBps(options.measureSeconds(), loadA, loadB);
            row.congestedA.add(congested[0]);
            row.congestedB.add(congested[1]);
        } finally {
            loadB.stopAndDrain();
        }
        Thread.sleep(Math.round(options.settleSeconds() * 1000));
        row.quietA.add(Stats.measureMBps(options.measureSeconds(), loadA)[0]);
        row.quietShare.add(Trace.pathOver(a, SHARED).readShare());
    }

    private void print(PrintStream out, Map<Case, Row> rows) {
        out.printf("%n### Congestion, then quiet: team B saturates %s for %s s, then stops for %s s%n%n", SHARED,
                Stats.f0(options.settleSeconds()), Stats.f0(options.settleSeconds()));
        out.println("| team A policy | team A MB/s, congested (runs) | team B MB/s, congested | team A MB/s, after (runs) "
                + "| A's " + SHARED + " read share after % |");
        out.println("| --- | ---: | ---: | ---: | ---: |");
        rows.forEach((c, r) -> out.printf("| %s | %s (%s) | %s | %s (%s) | %s |%n", c.label(), Stats.f0(Stats.median(r.congestedA)),
                Stats.all(r.congestedA), Stats.f0(Stats.median(r.congestedB)), Stats.f0(Stats.median(r.quietA)),
                Stats.all(r.quietA), Stats.f1(Stats.median(r.quietShare))));
    }

    private static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }
}
