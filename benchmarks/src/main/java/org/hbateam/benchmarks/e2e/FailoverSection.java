package org.hbateam.benchmarks.e2e;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The failover-time part of the end-to-end report: the method, then per fault a table of the first completion
 * elsewhere and of the stuck commands, the per-run list, the errors, and issue 11's targets with their verdicts.
 */
final class FailoverSection {
    private static final double CUT_MEDIAN_TARGET_MS = 1000;
    private static final double CUT_P99_TARGET_MS = 2000;
    private static final double BLACK_HOLE_STUCK_P99_TARGET_MS = 3000;

    private final StringBuilder md = new StringBuilder();

    String markdown(List<FailoverTimePhase.Result> results) {
        line("### Failover time, default settings");
        line("");
        line("Two paths, failover-only routing (no balancer bound: one path carries everything), 128 KiB I/O at queue "
                + "depth 8 with half the slots writing and half reading, driver and failover service at their defaults "
                + "(the team's adapters share one session directory, so a live session can fence a dead one). Each run "
                + "injects the fault on the carrying path, then measures:");
        line("");
        line("- **first completion elsewhere:** the time to the first command completed on the other path (its completion "
                + "counter, polled every ms), from the return of the bed step, whose last step is the fault itself (a slight "
                + "underestimate), and from its call (adds the script's start-up under load: an overestimate). New commands "
                + "go to the other path as soon as the carrying one is failed, so this does not wait for any fence;");
        line("- **stuck commands:** the commands in flight when the bed step returned (each slot's outstanding sequence "
                + "number), each timed from that return to its completion to the caller through the retry; a retry waits "
                + "for the fence (abort confirmed, or the old session reinstated). Given as the last stuck command of each "
                + "run, and over every stuck command. One that never completes counts as %.0f ms.", FailoverTimePhase.GUARD_MS);
        line("");
        line("Then the fault is lifted (`bed restore`, `bed unblackhole`) and the next run waits until the path is back "
                + "(failback after 5 s of health). p99 is nearest rank.");
        line("");
        for (FailoverTimePhase.Result result : results) {
            fault(result);
        }
        return md.toString();
    }

    private void fault(FailoverTimePhase.Result r) {
        List<FailoverTimePhase.Run> runs = r.runs();
        List<Double> first = runs.stream().map(FailoverTimePhase.Run::firstMs).toList();
        List<Double> firstFromCall = runs.stream().map(FailoverTimePhase.Run::firstFromCallMs).toList();
        List<Double> lastStuck = runs.stream().map(FailoverTimePhase.Run::lastStuckMs).toList();
        List<Double> stuck = r.allStuckMs();
        line("#### %s (`%s`)", r.fault().title(), r.fault().step());
        line("");
        line("| measure | over | median | p99 | min | max |");
        line("| --- | ---: | ---: | ---: | ---: | ---: |");
        row("first completion elsewhere, from `" + r.fault().step() + "` returned", runs.size() + " runs", first);
        row("first completion elsewhere, from `" + r.fault().step() + "` called", runs.size() + " runs", firstFromCall);
        row("last stuck command of the run", runs.size() + " runs", lastStuck);
        row("every stuck command", stuck.size() + " commands", stuck);
        line("");
        line("Per run (ms from the return: first completion elsewhere / last stuck command, stuck commands): %s.",
                runs.stream().map(FailoverSection::perRun).collect(Collectors.joining("; ")));
        int unfinished = runs.stream().mapToInt(FailoverTimePhase.Run::unfinished).sum();
        line("");
        line("Commands completed: %d; errors reaching the caller: %d (target 0: %s); stuck commands that never completed: %d.%s",
                r.commands(), r.errors(), verdict(r.errors() == 0), unfinished,
                r.firstError() == null ? "" : " First error: " + r.firstError());
        line("");
        line("%s", r.fault() == BedFault.CUT ? cutTargets(first) : blackHoleTargets(stuck, lastStuck));
        line("");
    }

    private static String cutTargets(List<Double> first) {
        double median = Report.median(first);
        double p99 = Report.percentile(first, 99);
        return String.format(Locale.ROOT, "**Targets (issue 11):** first completion elsewhere < %.0f ms median: %.0f ms, %s; "
                + "< %.0f ms p99: %.0f ms, %s.", CUT_MEDIAN_TARGET_MS, median, verdict(median < CUT_MEDIAN_TARGET_MS),
                CUT_P99_TARGET_MS, p99, verdict(p99 < CUT_P99_TARGET_MS));
    }

    private static String blackHoleTargets(List<Double> stuck, List<Double> lastStuck) {
        if (stuck.isEmpty()) {
            return "**Target (issue 11):** stuck commands complete elsewhere in < 3000 ms at p99: NOT measured (no command "
                    + "was in flight at any fault).";
        }
        double p99 = Report.percentile(stuck, 99);
        return String.format(Locale.ROOT, "**Target (issue 11):** stuck commands complete elsewhere in < %.0f ms at p99: "
                + "%.0f ms over every stuck command, %s (the last stuck command of each run: p99 %.0f ms).",
                BLACK_HOLE_STUCK_P99_TARGET_MS, p99, verdict(p99 < BLACK_HOLE_STUCK_P99_TARGET_MS), Report.percentile(lastStuck, 99));
    }

    private static String perRun(FailoverTimePhase.Run run) {
        return String.format(Locale.ROOT, "%.0f / %.0f (%d%s)", run.firstMs(), run.lastStuckMs(), run.stuckMs().size(),
                run.unfinished() == 0 ? "" : ", " + run.unfinished() + " never completed");
    }

    private void row(String measure, String over, List<Double> ms) {
        if (ms.isEmpty()) {
            line("| %s | %s | - | - | - | - |", measure, over);
            return;
        }
        line("| %s | %s | %.0f ms | %.0f ms | %.0f ms | %.0f ms |", measure, over, Report.median(ms), Report.percentile(ms, 99),
                Collections.min(ms), Collections.max(ms));
    }

    private static String verdict(boolean met) {
        return met ? "met" : "NOT met";
    }

    private void line(String format, Object... args) {
        md.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
