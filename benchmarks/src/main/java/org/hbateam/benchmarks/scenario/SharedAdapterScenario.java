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
 * The patent's shared-adapter case ([0042]): team A reaches its LUN over hba1 and hba2; team B reaches
 * another LUN over hba1 only and keeps it saturated. Team A's throughput is measured under each policy; for
 * dynamic, also how many TimerIntervals its shares keep moving and when its throughput settles.
 */
final class SharedAdapterScenario {
    static final int ADAPTER_MBPS = 200;
    private static final String LU_A = "naa.600144f0000000000000000000000a01";
    private static final String LU_B = "naa.600144f0000000000000000000000b01";
    static final int LUN_MB = 32;
    static final String SHARED = "hba1";
    private static final double SETTLE_TOLERANCE = 0.05;

    private final ScenarioOptions options;
    private final PrintStream progress;

    SharedAdapterScenario(ScenarioOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    List<Case> cases() {
        List<Case> cases = new ArrayList<>(List.of(Case.of("static"), Case.dynamic(1000)));
        if (options.fastIntervalMs() > 0) {
            cases.add(Case.dynamic(options.fastIntervalMs()));
        }
        cases.addAll(List.of(Case.of("round-robin"), Case.of("least-queue-depth"), Case.of("service-time")));
        return cases;
    }

    void run(SimSetup setup, PrintStream out) throws Exception {
        List<Team> teams = twoTeamsSharingAnAdapter(setup, 1, LU_A, LU_B);
        Team a = teams.get(0);
        Team b = teams.get(1);
        QueueDepthLoop loadA = SimSetup.load(a, options, LUN_MB << 20);
        QueueDepthLoop loadB = SimSetup.load(b, options, LUN_MB << 20);
        Map<Case, SharedAdapterReport.Row> rows = new LinkedHashMap<>();
        cases().forEach(c -> rows.put(c, new SharedAdapterReport.Row()));
        List<Double> alone = new ArrayList<>();
        loadA.start();
        try {
            for (int rep = 1; rep <= options.repeats(); rep++) {
                setup.policy("A", "static");
                Thread.sleep(Math.round(options.warmupSeconds() * 1000));
                alone.add(Stats.measureMBps(options.measureSeconds(), loadA)[0]);
                progress.printf("shared adapter, run %d: team A alone (static) %s MB/s%n", rep, Stats.f0(alone.get(rep - 1)));
                loadB.start();
                for (Case c : rows.keySet()) {
                    measure(setup, a, c, rows.get(c), loadA, loadB);
                    progress.printf("shared adapter, run %d: %s: team A %s MB/s, team B %s MB/s%n", rep, c.label(),
                            Stats.f0(last(rows.get(c).teamA)), Stats.f0(last(rows.get(c).teamB)));
                }
                loadB.stopAndDrain();
            }
        } finally {
            loadA.stopAndDrain();
        }
        check(loadA, loadB);
        new SharedAdapterReport(options, ADAPTER_MBPS).print(out, rows, alone);
    }

    /**
     * Team A over hba1 and hba2 (LUN {@code firstLun}, {@code luA}) and team B over hba1 only (the next LUN,
     * {@code luB}), each of {@value #LUN_MB} MiB; returns A and B once both have formed.
     */
    static List<Team> twoTeamsSharingAnAdapter(SimSetup setup, long firstLun, String luA, String luB) throws Exception {
        setup.adapter("hba1", ADAPTER_MBPS);
        setup.adapter("hba2", ADAPTER_MBPS);
        setup.lun(firstLun, luA, LUN_MB, "hba1", "hba2");
        setup.lun(firstLun + 1, luB, LUN_MB, SHARED);
        setup.team("A", luA);
        setup.team("B", luB);
        return List.of(setup.awaitTeam("A", 2), setup.awaitTeam("B", 1));
    }

    private void measure(SimSetup setup, Team a, Case c, SharedAdapterReport.Row row, QueueDepthLoop loadA,
            QueueDepthLoop loadB) throws Exception {
        if (!c.isDynamic()) {
            setup.policy("A", c.policy(), c.shares());
            Thread.sleep(Math.round(options.warmupSeconds() * 1000));
            measureInto(a, row, loadA, loadB);
            return;
        }
        double settle = c.intervalMs() == 1000 ? options.settleSeconds() : options.fastSettleSeconds();
        Trace trace = DynamicRun.switchAndTrace(setup, a, "A", c, options.warmupSeconds(), settle, loadA, loadB, SHARED);
        double finalMBps = measureInto(a, row, loadA, loadB);
        row.shareMoves.add(trace.shareMoves());
        row.endShare.add(trace.last().readShare());
        long bucket = DynamicRun.bucketMs(c);
        List<Double> rates = trace.bucketMBps(bucket, false);
        int best = 0;
        for (int i = 1; i < rates.size(); i++) {
            best = rates.get(i) > rates.get(best) ? i : best;
        }
        row.peak.add(rates.get(best));
        row.peakAt.add((best + 1) * bucket / 1000.0);
        int buckets = trace.bucketsToSettle(bucket, finalMBps, SETTLE_TOLERANCE);
        row.settleSeconds.add(buckets < 0 ? Double.NaN : buckets * bucket / 1000.0);
        if (row.firstTrace == null) {
            row.firstTrace = trace;
        }
    }

    /** Measures both teams and where team A's bytes went; returns team A's MB/s. */
    private double measureInto(Team a, SharedAdapterReport.Row row, QueueDepthLoop loadA, QueueDepthLoop loadB)
            throws InterruptedException {
        long sharedBefore = Trace.bytesOver(a, SHARED);
        long totalBefore = Trace.bytesTotal(a);
        double[] rates = Stats.measureMBps(options.measureSeconds(), loadA, loadB);
        long total = Trace.bytesTotal(a) - totalBefore;
        row.overShared.add(total == 0 ? 0 : 100.0 * (Trace.bytesOver(a, SHARED) - sharedBefore) / total);
        row.teamA.add(rates[0]);
        row.teamB.add(rates[1]);
        PathInfo shared = Trace.pathOver(a, SHARED);
        row.readShare.add(shared.readShare());
        row.writeShare.add(shared.writeShare());
        return rates[0];
    }

    private static void check(QueueDepthLoop... loads) {
        for (QueueDepthLoop load : loads) {
            if (load.errors() > 0) {
                throw new IllegalStateException(load.errors() + " commands failed; the measurements are not valid");
            }
        }
    }

    private static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }
}
