package org.hbateam.benchmarks.e2e;

import java.util.Arrays;
import java.util.List;

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
 * @param out               the Markdown file the results are appended to
 * @param command           the command line, as the report quotes it
 */
record E2eSettings(String name, String lunSize, int pairs, double seconds, List<Integer> aggregationPaths,
                   double aggregationSeconds, String rate, int failoverRuns, String out, String command) {
    static final String USAGE = "arguments: [--name e2ebench] [--size 512M] [--pairs 5] [--seconds 5] [--agg-paths 2,3] "
            + "[--agg-seconds 5] [--rate 200mbit] [--failover-runs 10] [--out docs/benchmarks.md] [--command TEXT]";

    static E2eSettings parse(String[] args) {
        E2eSettings s = new E2eSettings("e2ebench", "512M", 5, 5, List.of(2, 3), 5, "200mbit", 10, "docs/benchmarks.md",
                "benchmarks/run e2e");
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("no value for " + args[i] + "; " + USAGE);
            }
            String v = args[i + 1];
            s = switch (args[i]) {
                case "--name" -> new E2eSettings(v, s.lunSize, s.pairs, s.seconds, s.aggregationPaths, s.aggregationSeconds, s.rate, s.failoverRuns, s.out, s.command);
                case "--size" -> new E2eSettings(s.name, v, s.pairs, s.seconds, s.aggregationPaths, s.aggregationSeconds, s.rate, s.failoverRuns, s.out, s.command);
                case "--pairs" -> new E2eSettings(s.name, s.lunSize, Integer.parseInt(v), s.seconds, s.aggregationPaths, s.aggregationSeconds, s.rate, s.failoverRuns, s.out, s.command);
                case "--seconds" -> new E2eSettings(s.name, s.lunSize, s.pairs, Double.parseDouble(v), s.aggregationPaths, s.aggregationSeconds, s.rate, s.failoverRuns, s.out, s.command);
                case "--agg-paths" -> new E2eSettings(s.name, s.lunSize, s.pairs, s.seconds, Arrays.stream(v.split(",")).map(String::trim).map(Integer::valueOf).toList(), s.aggregationSeconds, s.rate, s.failoverRuns, s.out, s.command);
                case "--agg-seconds" -> new E2eSettings(s.name, s.lunSize, s.pairs, s.seconds, s.aggregationPaths, Double.parseDouble(v), s.rate, s.failoverRuns, s.out, s.command);
                case "--rate" -> new E2eSettings(s.name, s.lunSize, s.pairs, s.seconds, s.aggregationPaths, s.aggregationSeconds, v, s.failoverRuns, s.out, s.command);
                case "--failover-runs" -> new E2eSettings(s.name, s.lunSize, s.pairs, s.seconds, s.aggregationPaths, s.aggregationSeconds, s.rate, Integer.parseInt(v), s.out, s.command);
                case "--out" -> new E2eSettings(s.name, s.lunSize, s.pairs, s.seconds, s.aggregationPaths, s.aggregationSeconds, s.rate, s.failoverRuns, v, s.command);
                case "--command" -> new E2eSettings(s.name, s.lunSize, s.pairs, s.seconds, s.aggregationPaths, s.aggregationSeconds, s.rate, s.failoverRuns, s.out, v);
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; " + USAGE);
            };
        }
        if (s.pairs < 1 || s.failoverRuns < 1 || s.seconds <= 0 || s.aggregationSeconds <= 0) {
            throw new IllegalArgumentException("pairs and failover runs must be at least 1, seconds positive; " + USAGE);
        }
        return s;
    }

    /** The bed needs as many paths as the largest aggregation row, and at least two for the failover runs. */
    int bedPaths() {
        return Math.max(2, aggregationPaths.stream().mapToInt(Integer::intValue).max().orElse(2));
    }
}
