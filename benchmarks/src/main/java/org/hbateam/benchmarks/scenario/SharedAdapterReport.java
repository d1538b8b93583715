package org.hbateam.benchmarks.scenario;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Markdown tables of the shared-adapter scenario: one row per policy, the dynamic details, traces. */
final class SharedAdapterReport {
    /** Medians and per-run values of one row. */
    static final class Row {
        final List<Double> teamA = new ArrayList<>();
        final List<Double> teamB = new ArrayList<>();
        final List<Double> overShared = new ArrayList<>();
        final List<Double> readShare = new ArrayList<>();
        final List<Double> writeShare = new ArrayList<>();
        final List<Integer> shareMoves = new ArrayList<>();
        final List<Double> endShare = new ArrayList<>();
        final List<Double> peak = new ArrayList<>();
        final List<Double> peakAt = new ArrayList<>();
        final List<Double> settleSeconds = new ArrayList<>();
        Trace firstTrace;
    }

    private final ScenarioOptions options;
    private final int adapterMBps;

    SharedAdapterReport(ScenarioOptions options, int adapterMBps) {
        this.options = options;
        this.adapterMBps = adapterMBps;
    }

    void print(PrintStream out, Map<Case, Row> rows, List<Double> alone) {
        out.printf("%n### Shared adapter: team A over hba1 + hba2 (%d MB/s each), team B saturating hba1%n%n", adapterMBps);
        out.printf("Team A alone (team B idle, static): median %s MB/s (runs: %s).%n%n", Stats.f0(Stats.median(alone)),
                Stats.all(alone));
        out.println("| team A policy | team A MB/s, median (runs) | team B MB/s | A + B MB/s | A's bytes over hba1 "
                + "| A's hba1 share (balancer), read / write % |");
        out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        rows.forEach((c, r) -> {
            double ma = Stats.median(r.teamA);
            double mb = Stats.median(r.teamB);
            boolean shares = c.policy().equals("static") || c.policy().equals("dynamic");
            out.printf("| %s | %s (%s) | %s | %s | %s %% | %s |%n", c.label(), Stats.f0(ma), Stats.all(r.teamA),
                    Stats.f0(mb), Stats.f0(ma + mb), Stats.f1(Stats.median(r.overShared)), shares
                            ? Stats.f1(Stats.median(r.readShare)) + " / " + Stats.f1(Stats.median(r.writeShare)) : "-");
        });
        out.printf("%nDynamic balancer after the switch from static (ChangeThreshold %d, LBChange%% %d; per run):%n%n",
                DynamicRun.CHANGE_THRESHOLD, DynamicRun.LB_CHANGE);
        out.println("| TimerInterval | traced | ticks that moved shares | A's hba1 read share at the end of the trace "
                + "| best team A MB/s in one bucket (at s) | A within 5 % of its final MB/s from |");
        out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        rows.forEach((c, r) -> {
            if (c.isDynamic()) {
                double traced = c.intervalMs() == 1000 ? options.settleSeconds() : options.fastSettleSeconds();
                List<String> peaks = new ArrayList<>();
                for (int i = 0; i < r.peak.size(); i++) {
                    peaks.add(Stats.f0(r.peak.get(i)) + " (" + Stats.f1(r.peakAt.get(i)) + ")");
                }
                out.printf("| %d ms | %s s | %s | %s | %s | %s |%n", c.intervalMs(), Stats.f1(traced),
                        Stats.all(r.shareMoves), Stats.all1(r.endShare), String.join(" / ", peaks),
                        settleText(r.settleSeconds, c));
            }
        });
        rows.forEach((c, r) -> {
            if (c.isDynamic() && r.firstTrace != null) {
                printTrace(out, c, r.firstTrace);
            }
        });
    }

    private String settleText(List<Double> seconds, Case c) {
        List<String> parts = new ArrayList<>();
        for (double s : seconds) {
            parts.add(Double.isNaN(s) ? "not in the trace"
                    : Stats.f1(s) + " s (" + Stats.f0(s * 1000 / c.intervalMs()) + " ticks)");
        }
        return String.join(" / ", parts);
    }

    private static void printTrace(PrintStream out, Case c, Trace trace) {
        long bucket = DynamicRun.bucketMs(c);
        out.printf("%nTrace of the first run, %s (switched from static at 0 s; per %d ms):%n%n", c.label(), bucket);
        out.println("| until s | A's hba1 share read / write % | team A MB/s | team B MB/s |");
        out.println("| ---: | ---: | ---: | ---: |");
        List<Double> a = trace.bucketMBps(bucket, false);
        List<Double> b = trace.bucketMBps(bucket, true);
        List<Trace.Sample> ends = bucketEnds(trace, bucket);
        for (int i = 0; i < a.size(); i++) {
            Trace.Sample s = ends.get(i);
            out.printf("| %s | %s / %s | %s | %s |%n", Stats.f1(s.millis() / 1000.0), Stats.f1(s.readShare()),
                    Stats.f1(s.writeShare()), Stats.f0(a.get(i)), Stats.f0(b.get(i)));
        }
    }

    /** The samples that close each bucket, as {@link Trace#bucketMBps} cuts them. */
    static List<Trace.Sample> bucketEnds(Trace trace, long bucketMs) {
        List<Trace.Sample> ends = new ArrayList<>();
        Trace.Sample from = trace.samples().get(0);
        for (Trace.Sample s : trace.samples()) {
            if (s.millis() - from.millis() >= bucketMs) {
                ends.add(s);
                from = s;
            }
        }
        return ends;
    }
}
