package org.hbateam.benchmarks.e2e;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The end-to-end results as a Markdown section for docs/benchmarks.md, and the statistics they need. */
final class Report {
    private final StringBuilder md = new StringBuilder();

    Report header(String command, String started, String finished, String gitRevision, String loadStart, String loadEnd,
                  E2eSettings settings) {
        line("## End-to-end on the real bed (`benchmarks/run e2e`)");
        line("");
        line("**Run:** `%s`, %s to %s UTC, git `%s`. **Machine:** 2 shared, noisy vCPUs (other build and test sessions "
                + "ran at the same time), load average %s at the start and %s at the end. **Bed:** tgtd in a network "
                + "namespace, %d veth paths, %d file-backed LUN(s) of %s (sparse file, page cache), driver and failover "
                + "service with their default settings.", command, started, finished, gitRevision, loadStart, loadEnd,
                settings.bedPaths(), settings.bedLuns(), settings.lunSize());
        line("");
        return this;
    }

    Report singlePath(SinglePathPhase.Result r, E2eSettings s) {
        line("### Single path, unthrottled: ours against libiscsi");
        line("");
        line("128 KiB sequential I/O, queue depth 32, %s s per measurement, %d alternating pairs (odd pairs ours first, "
                + "even pairs libiscsi first). **Ours:** the iSCSI driver and a team over one path, driven through the async "
                + "`Team.submit`; each completion submits the slot's next command from the completing thread (the driver's "
                + "reader), no hand-off. **libiscsi:** `iscsi-perf -m 32 -b 256` for reads (ended by SIGINT; its run average), "
                + "the test bed's `iscsi-bench -m write -b 131072 -q 32` for writes. MiB/s (2^20).", fmt(s.seconds()), r.reads().size());
        line("");
        line("The last two columns are a diagnostic outside the pairs: the same loop straight on the driver's `DataPath`, "
                + "without the team, run after each pair.");
        line("");
        line("| pair | reads: ours | reads: libiscsi | ratio | writes: ours | writes: libiscsi | ratio | reads: driver only | writes: driver only |");
        line("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (int i = 0; i < r.reads().size(); i++) {
            SinglePathPhase.Pair rd = r.reads().get(i);
            SinglePathPhase.Pair wr = r.writes().get(i);
            line("| %d | %.0f | %.0f | %.2f | %.0f | %.0f | %.2f | %.0f | %.0f |", i + 1, rd.ours(), rd.libiscsi(), rd.ratio(),
                    wr.ours(), wr.libiscsi(), wr.ratio(), rd.driverOnly(), wr.driverOnly());
        }
        double readRatio = median(r.reads().stream().map(SinglePathPhase.Pair::ratio).toList());
        double writeRatio = median(r.writes().stream().map(SinglePathPhase.Pair::ratio).toList());
        line("");
        line("**Median ratio ours/libiscsi: reads %.2f, writes %.2f** (target >= 1.0: reads %s, writes %s). "
                + "Errors reaching our caller: %d.", readRatio, writeRatio, verdict(readRatio >= 1.0), verdict(writeRatio >= 1.0),
                r.errors());
        line("");
        return this;
    }

    Report aggregation(List<AggregationPhase.Row> rows, E2eSettings s) {
        line("### Aggregation: 2 and 3 throttled paths, every strategy");
        line("");
        line("Each path throttled with `bed throttle` (tc tbf at both ends) to %s; 128 KiB sequential reads at queue depth "
                + "32 through `Team.submit`, 1 s warm-up then %s s measured; a fresh failover service, adapters and balancer "
                + "per row (factories built with `new`, the dynamic one with its declared defaults). Fraction = bytes/s "
                + "through the team / (paths x link rate). tbf counts whole Ethernet frames, so TCP/IP and iSCSI headers "
                + "cap 128 KiB reads at about 0.95 of the link rate even on one path (1448 payload bytes per 1514-byte frame "
                + "is 0.956).", s.rate(), fmt(s.aggregationSeconds()));
        line("");
        line("Teaming: `session`, one session per path (one adapter each); `connection`, one MC/S session whose "
                + "connections run one per path (one connection-based adapter, tgtd at MaxConnections=3).");
        line("");
        line("| paths | teaming | policy | MiB/s | fraction of sum of link rates | bytes per path (%%) | errors |");
        line("| ---: | --- | --- | ---: | ---: | --- | ---: |");
        for (AggregationPhase.Row row : rows) {
            line("| %d | %s | %s | %.1f | %.3f | %s | %d |", row.paths(), row.teaming(), row.policy(), row.mibPerSecond(),
                    row.fraction(), row.pathShares(), row.errors());
        }
        long met = rows.stream().filter(row -> row.fraction() >= 0.95).count();
        line("");
        line("Target >= 0.95: met by %d of %d rows.", met, rows.size());
        line("");
        return this;
    }

    Report efficiency(EfficiencyPhase.Result result, E2eSettings s) {
        md.append(new EfficiencySection().markdown(result, s.seconds()));
        return this;
    }

    Report memory(MemoryPhase.Result r) {
        line("### Heap at steady state: 2 teams x %d iSCSI paths", MemoryPhase.PATHS);
        line("");
        line("The bed's %d LUNs over %d paths each (one adapter per path), both teams loaded with 128 KiB random reads and "
                + "writes (50 %%) at queue depth 32 for %s s, round-robin, in the benchmark's JVM at -Xmx256m (max heap %d MiB). "
                + "**Surviving** is the heap outside the young generation's eden, highest over the run: live data plus "
                + "promoted garbage not yet collected, an upper bound of the steady need. **Live under load** is the heap in "
                + "use after a full collection forced while both loads still run. **Peak in use** includes young garbage.",
                MemoryPhase.LUNS, MemoryPhase.PATHS, fmt(r.seconds()), r.maxHeapBytes() >> 20);
        line("");
        line("| surviving | live under load | peak in use | throughput | errors |");
        line("| ---: | ---: | ---: | ---: | ---: |");
        line("| %.1f MiB | %.1f MiB | %.1f MiB | %.0f MiB/s | %d |", r.survivingBytes() / 1048576.0,
                r.liveUnderLoadBytes() / 1048576.0, r.peakUsedBytes() / 1048576.0, r.mibPerSecond(), r.errors());
        line("");
        long steady = Math.max(r.survivingBytes(), r.liveUnderLoadBytes());
        line("Target (issue 14): steady-state heap < 64 MiB with -Xmx256m: %.1f MiB (the larger of the two), %s.",
                steady / 1048576.0, verdict(steady < 64L << 20));
        line("");
        return this;
    }

    Report unequal(List<UnequalLinksPhase.Row> rows, E2eSettings s) {
        line("### Unequal links: every strategy and every dynamic mode");
        line("");
        line("Paths throttled to %s (tc tbf); 128 KiB sequential reads at queue depth 32 through `Team.submit`; a fresh "
                + "failover service, adapters and balancer per row; the dynamic balancer at its defaults (TimerInterval 1000 ms, "
                + "ChangeThreshold 10, LBChange%% 10) in the mode named, run %s s before %s s measured (the other rows: 1 s "
                + "warm-up). Fraction = bytes/s through the team / sum of the link rates (frames cap it near 0.956).",
                String.join(", ", s.unequalRates()), fmt(s.settleSeconds()), fmt(s.aggregationSeconds()));
        line("");
        line("| policy | MiB/s | fraction of sum of link rates | bytes per path (%%) | errors |");
        line("| --- | ---: | ---: | --- | ---: |");
        for (UnequalLinksPhase.Row row : rows) {
            line("| %s | %.1f | %.3f | %s | %d |", row.label(), row.mibPerSecond(), row.fraction(), row.pathShares(), row.errors());
        }
        double capacity = rows.stream().filter(r -> r.label().equals("dynamic capacity")).mapToDouble(UnequalLinksPhase.Row::fraction)
                .findFirst().orElse(0);
        line("");
        line("Target (issue 14): dynamic >= 0.9 of the link sum on unequal links in the capacity mode: %.3f, %s.", capacity,
                verdict(capacity >= 0.9));
        line("");
        return this;
    }

    Report failover(List<FailoverTimePhase.Result> results) {
        md.append(new FailoverSection().markdown(results));
        return this;
    }

    /** Appends the sections of {@code other}. */
    Report then(Report other) {
        md.append(other.md);
        return this;
    }

    /** Connection-based failover time against the session-based link cut of the same run. */
    Report mcsFailover(McsFailoverPhase.Result mcs, FailoverTimePhase.Result sessionCut) {
        List<Double> sessionMs = sessionCut.runs().stream().map(FailoverTimePhase.Run::firstMs).toList();
        line("### Failover time, connection-based (MC/S) against session-based");
        line("");
        line("Per run a fresh connection-based adapter: one session, a connection over each of bed paths 1 and 2, "
                + "failover-only routing, 128 KiB I/O at queue depth 8; `bed cut` of the carrying connection's link, then "
                + "the time from its return to the first command completed through the other adapter (on tgtd, which "
                + "mishandles the Logout that fences one connection, that is after the session's reinstatement or the "
                + "fall back to a session per adapter). Session-based: the link cut rows above, same bed, same run.");
        line("");
        line("| teaming | runs | median | min | max |");
        line("| --- | ---: | ---: | ---: | ---: |");
        line("| connection-based (MC/S) | %d | %.0f ms | %.0f ms | %.0f ms |", mcs.firstMs().size(), median(mcs.firstMs()),
                Collections.min(mcs.firstMs()), Collections.max(mcs.firstMs()));
        line("| session-based | %d | %.0f ms | %.0f ms | %.0f ms |", sessionMs.size(), median(sessionMs),
                Collections.min(sessionMs), Collections.max(sessionMs));
        line("");
        line("Per MC/S run (ms): %s. Commands completed: %d; errors reaching the caller: %d%s. Target < 1 s at the median "
                + "(MC/S): %s.", mcs.firstMs().stream().map(ms -> String.format("%.0f", ms)).toList(), mcs.commands(),
                mcs.errors(), mcs.firstError() == null ? "" : " (first: " + mcs.firstError() + ")",
                median(mcs.firstMs()) < 1000 ? "met" : "NOT met");
        line("");
        return this;
    }

    String markdown() {
        return md.toString();
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Nearest-rank percentile. */
    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    static String verdict(boolean met) {
        return met ? "met" : "NOT met";
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private void line(String format, Object... args) {
        md.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
