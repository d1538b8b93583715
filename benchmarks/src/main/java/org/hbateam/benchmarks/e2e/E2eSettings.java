package org.hbateam.benchmarks.e2e;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The harness's knobs, from {@code --key value} arguments. The defaults make a run of about five minutes.
 *
 * @param name              the bed's name
 * @param lunSize           the LUN size, as {@code bed up --size} takes it
 * @param pairs             alternating single-path pairs
 * @param seconds           seconds per single-path measurement
 * @param aggregationPaths  path counts of the aggregation rows
 * @param aggregationSeconds seconds per aggregation measurement
 * @param rate              the tc rate of every path in the aggregation rows
 * @param failoverRuns      cable pulls measured
 * @param blackholeRuns     black holes measured
 * @param phases            the phases to run, of {@link #PHASES}, in that order whatever the order given
 * @param efficiencyPairs   alternating pairs per efficiency workload
 * @param unequalRates      the tc rate of each path of the unequal-links rows
 * @param settleSeconds     how long the dynamic modes run before the unequal-links measurement
 * @param out               the Markdown file the results are appended to
 * @param command           the command line, as the report quotes it
 */
record E2eSettings(String name, String lunSize, int pairs, double seconds, List<Integer> aggregationPaths,
                   double aggregationSeconds, String rate, int failoverRuns, int blackholeRuns, List<String> phases,
                   int efficiencyPairs, List<String> unequalRates, double settleSeconds, String out, String command) {
    static final List<String> PHASES = List.of("single", "efficiency", "memory", "failover", "aggregation", "unequal");

    static final String USAGE = "arguments: [--name e2ebench] [--size 512M] [--pairs 5] [--seconds 4] [--agg-paths 2,3] "
            + "[--agg-seconds 4] [--rate 200mbit] [--failover-runs 10] [--blackhole-runs 10] [--phases single,efficiency,memory,failover,aggregation,unequal] "
            + "[--efficiency-pairs 5] [--unequal-rates 100mbit,300mbit,600mbit] [--settle 20] [--out docs/benchmarks.md] "
            + "[--command TEXT]";

    private static final Set<String> KEYS = Set.of("--name", "--size", "--pairs", "--seconds", "--agg-paths", "--agg-seconds",
            "--rate", "--failover-runs", "--blackhole-runs", "--phases", "--efficiency-pairs", "--unequal-rates", "--settle",
            "--out", "--command");

    static E2eSettings parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!KEYS.contains(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("bad argument " + args[i] + "; " + USAGE);
            }
            given.put(args[i], args[i + 1]);
        }
        E2eSettings s = new E2eSettings(given.getOrDefault("--name", "e2ebench"), given.getOrDefault("--size", "512M"),
                Integer.parseInt(given.getOrDefault("--pairs", "5")), Double.parseDouble(given.getOrDefault("--seconds", "4")),
                Arrays.stream(given.getOrDefault("--agg-paths", "2,3").split(",")).map(String::trim).map(Integer::valueOf).toList(),
                Double.parseDouble(given.getOrDefault("--agg-seconds", "4")), given.getOrDefault("--rate", "200mbit"),
                Integer.parseInt(given.getOrDefault("--failover-runs", "10")),
                Integer.parseInt(given.getOrDefault("--blackhole-runs", "10")),
                list(given.getOrDefault("--phases", String.join(",", PHASES))),
                Integer.parseInt(given.getOrDefault("--efficiency-pairs", "5")),
                list(given.getOrDefault("--unequal-rates", "100mbit,300mbit,600mbit")),
                Double.parseDouble(given.getOrDefault("--settle", "20")), given.getOrDefault("--out", "docs/benchmarks.md"),
                given.getOrDefault("--command", "benchmarks/run e2e"));
        if (s.pairs < 1 || s.failoverRuns < 1 || s.blackholeRuns < 1 || s.efficiencyPairs < 1 || s.seconds <= 0
                || s.aggregationSeconds <= 0 || s.settleSeconds <= 0) {
            throw new IllegalArgumentException("pairs, failover and black hole runs must be at least 1, seconds positive; " + USAGE);
        }
        s.phases.stream().filter(p -> !PHASES.contains(p)).findFirst().ifPresent(p -> {
            throw new IllegalArgumentException("--phases: unknown phase '" + p + "'; phases are " + PHASES);
        });
        return s;
    }

    /** True when {@code phase} is to run. */
    boolean runs(String phase) {
        return phases.contains(phase);
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    /**
     * The bed needs as many paths as the largest aggregation or unequal-links row, four for the memory phase, and
     * at least two for the failover runs.
     */
    int bedPaths() {
        int aggregation = aggregationPaths.stream().mapToInt(Integer::intValue).max().orElse(2);
        int others = Math.max(runs("unequal") ? unequalRates.size() : 0, runs("memory") ? MemoryPhase.PATHS : 0);
        return Math.max(2, Math.max(aggregation, others));
    }

    /** The memory phase's two teams need two LUNs; the other phases use LUN 1. */
    int bedLuns() {
        return runs("memory") ? MemoryPhase.LUNS : 1;
    }
}
