package org.hbateam.benchmarks.e2e;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.hbateam.benchmarks.e2e.EfficiencyPhase.Pair;
import org.hbateam.benchmarks.e2e.EfficiencyPhase.Sample;
import org.hbateam.benchmarks.e2e.EfficiencyPhase.Workload;

/**
 * The efficiency part of the end-to-end report: per workload the medians of both sides and their ratios, the
 * allocation per command of ours, tgtd's main-thread load, and issue 14's targets with their verdicts.
 */
final class EfficiencySection {
    private static final double CPU_TARGET_128K = 1.2;
    private static final double CPU_TARGET_4K = 1.5;
    private static final double ADDED_P50_TARGET_US = 20;
    private static final double ADDED_P999_TARGET_US = 100;
    private static final double ALLOCATION_TARGET_BYTES = 256;
    /** tgtd's main thread at or above this share of a core counts as the limit. */
    private static final double TARGET_SATURATED = 0.95;

    private final StringBuilder md = new StringBuilder();

    String markdown(EfficiencyPhase.Result result, double seconds) {
        line("### Efficiency: CPU per GiB, 4 KiB IOPS, latency; ours against libiscsi");
        line("");
        line("One unthrottled bed path, %s s per measurement, %d alternating pairs per workload (odd pairs ours first). "
                + "**Ours:** the driver and a team through `Team.submit`, the next command sent from the completing thread. "
                + "**libiscsi:** the bed's `iscsi-bench` peer (libiscsi's async API, one thread). **CPU:** each initiator "
                + "process alone, user + system: ours from the JVM's process CPU time (every thread: driver, failover, load, "
                + "GC, JIT), libiscsi's from its own getrusage over the run. **Latency:** every command, nearest rank. "
                + "**Allocation:** bytes allocated by all the JVM's threads per command. **tgtd:** the share of one core its "
                + "main thread (the whole PDU event loop) used during the run, median of both sides. Medians over the pairs; "
                + "ratios are ours / libiscsi per pair, then the median.", Report.fmt(seconds), pairCount(result));
        line("");
        line("| workload | IOPS ours | IOPS libiscsi | ratio | CPU s/GiB ours | CPU s/GiB libiscsi | ratio "
                + "| p50 µs ours / libiscsi | p99 µs ours / libiscsi | p99.9 µs ours / libiscsi | B/command ours | tgtd busy |");
        line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        result.pairs().forEach((w, pairs) -> row(w, pairs));
        line("");
        targets(result);
        line("Errors reaching our caller: %d.", result.errors());
        line("");
        return md.toString();
    }

    private void row(Workload w, List<Pair> pairs) {
        line("| %s | %.0f | %.0f | %.2f | %.3f | %.3f | %.2f | %.0f / %.0f | %.0f / %.0f | %.0f / %.0f | %.0f | %.0f %% |", w.label,
                ours(pairs, Sample::iops), theirs(pairs, Sample::iops), ratio(pairs, Sample::iops),
                ours(pairs, Sample::cpuSecondsPerGiB), theirs(pairs, Sample::cpuSecondsPerGiB), ratio(pairs, Sample::cpuSecondsPerGiB),
                ours(pairs, s -> s.latency().p50()), theirs(pairs, s -> s.latency().p50()),
                ours(pairs, s -> s.latency().p99()), theirs(pairs, s -> s.latency().p99()),
                ours(pairs, s -> s.latency().p999()), theirs(pairs, s -> s.latency().p999()),
                ours(pairs, s -> s.allocatedBytes() / (double) Math.max(1, s.commands())),
                100 * median(pairs.stream().flatMap(p -> List.of(p.ours().targetBusy(), p.libiscsi().targetBusy()).stream()).toList()));
    }

    private void targets(EfficiencyPhase.Result result) {
        List<Pair> read = result.pairs().get(Workload.READ_128K);
        List<Pair> write = result.pairs().get(Workload.WRITE_128K);
        List<Pair> random = result.pairs().get(Workload.RANDREAD_4K);
        List<Pair> latency = result.pairs().get(Workload.LATENCY_4K);
        double cpuRead = ratio(read, Sample::cpuSecondsPerGiB);
        double cpuWrite = ratio(write, Sample::cpuSecondsPerGiB);
        double cpu4k = ratio(random, Sample::cpuSecondsPerGiB);
        line("**Targets (issue 14):**");
        line("");
        line("- CPU per GiB at 128 KiB <= %.1fx libiscsi: reads %.2fx, writes %.2fx, %s; at 4 KiB <= %.1fx: %.2fx, %s.",
                CPU_TARGET_128K, cpuRead, cpuWrite, verdict(cpuRead <= CPU_TARGET_128K && cpuWrite <= CPU_TARGET_128K),
                CPU_TARGET_4K, cpu4k, verdict(cpu4k <= CPU_TARGET_4K));
        double addedP50 = median(latency.stream().map(p -> p.ours().latency().p50() - p.libiscsi().latency().p50()).toList());
        double addedP999 = median(latency.stream().map(p -> p.ours().latency().p999() - p.libiscsi().latency().p999()).toList());
        line("- Added latency at QD 1 (median over the pairs of ours minus libiscsi): p50 %+.1f µs (target < %.0f µs, %s); "
                + "p99.9 %+.1f µs (target <= %.0f µs, %s).", addedP50, ADDED_P50_TARGET_US, verdict(addedP50 < ADDED_P50_TARGET_US),
                addedP999, ADDED_P999_TARGET_US, verdict(addedP999 <= ADDED_P999_TARGET_US));
        for (Workload w : List.of(Workload.RANDREAD_4K, Workload.RANDWRITE_4K)) {
            double iops = ratio(result.pairs().get(w), Sample::iops);
            double busy = median(result.pairs().get(w).stream().map(p -> p.libiscsi().targetBusy()).toList());
            line("- IOPS, %s: %.2fx libiscsi (target >= 1.0, or tgtd the limit: its main thread %.0f %% busy under libiscsi): %s.",
                    w.label, iops, 100 * busy, verdict(iops >= 1.0 || busy >= TARGET_SATURATED));
        }
        double allocation = ours(random, s -> s.allocatedBytes() / (double) Math.max(1, s.commands()));
        line("- Allocation per command through the iSCSI driver, 4 KiB random reads: %.0f B (target <= %.0f B): %s.",
                allocation, ALLOCATION_TARGET_BYTES, verdict(allocation <= ALLOCATION_TARGET_BYTES));
        line("");
    }

    private static int pairCount(EfficiencyPhase.Result result) {
        return result.pairs().values().stream().mapToInt(List::size).max().orElse(0);
    }

    private static double ours(List<Pair> pairs, ToDoubleFunction<Sample> value) {
        return median(pairs.stream().map(p -> value.applyAsDouble(p.ours())).toList());
    }

    private static double theirs(List<Pair> pairs, ToDoubleFunction<Sample> value) {
        return median(pairs.stream().map(p -> value.applyAsDouble(p.libiscsi())).toList());
    }

    private static double ratio(List<Pair> pairs, ToDoubleFunction<Sample> value) {
        return median(pairs.stream().map(p -> value.applyAsDouble(p.ours()) / value.applyAsDouble(p.libiscsi())).toList());
    }

    private static double median(List<Double> values) {
        return Report.median(values);
    }

    private static String verdict(boolean met) {
        return Report.verdict(met);
    }

    private void line(String format, Object... args) {
        md.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
