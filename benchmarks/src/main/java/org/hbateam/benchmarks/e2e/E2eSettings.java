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
 * @param out               the Markdown file the results are appended to
 * @param command           the command line, as the report quotes it
 */
record E2eSettings(String name, String lunSize, int pairs, double seconds, List<Integer> aggregationPaths,
                   double aggregationSeconds, String rate, int failoverRuns, int blackholeRuns, String out,
                   String command) {
    static final String USAGE = "arguments: [--name e2ebench] [--size 512M] [--pairs 5] [--seconds 4] [--agg-paths 2,3] "
            + "[--agg-seconds 4] [--rate 200mbit] [--failover-runs 10] [--blackhole-runs 10] [--out docs/benchmarks.md] [--command TEXT]";

    private static final Set<String> KEYS = Set.of("--name", "--size", "--pairs", "--seconds", "--agg-paths", "--agg-seconds",
            "--rate", "--failover-runs", "--blackhole-runs", "--out", "--command");

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
                Integer.parseInt(given.getOrDefault("--blackhole-runs", "10")), given.getOrDefault("--out", "docs/benchmarks.md"),
                given.getOrDefault("--command", "benchmarks/run e2e"));
        if (s.pairs < 1 || s.failoverRuns < 1 || s.blackholeRuns < 1 || s.seconds <= 0 || s.aggregationSeconds <= 0) {
            throw new IllegalArgumentException("pairs, failover and black hole runs must be at least 1, seconds positive; " + USAGE);
        }
        return s;
    }

    /** The bed needs as many paths as the largest aggregation row, and at least two for the failover runs. */
    int bedPaths() {
        return Math.max(2, aggregationPaths.stream().mapToInt(Integer::intValue).max().orElse(2));
    }
}
