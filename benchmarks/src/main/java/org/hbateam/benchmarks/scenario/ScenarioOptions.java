package org.hbateam.benchmarks.scenario;

import java.util.Locale;

/**
 * The knobs of a scenario run, from the command line ({@code --key value}).
 *
 * @param warmupSeconds   load before each measurement (after a policy switch)
 * @param measureSeconds  length of each measurement
 * @param repeats         measurements per case; tables show the median
 * @param queueDepth      commands each team keeps in flight
 * @param readPercent     share of reads in the mix, 0 - 100
 * @param settleSeconds   how long the dynamic balancer is traced after the switch at the default 1000 ms interval
 * @param fastIntervalMs  the dynamic balancer's faster TimerInterval (second row); 0 leaves that row out
 * @param only            {@code shared}, {@code unequal}, {@code recovery} or {@code all}
 */
record ScenarioOptions(double warmupSeconds, double measureSeconds, int repeats, int queueDepth, int readPercent,
        double settleSeconds, long fastIntervalMs, String only) {

    static final String USAGE = "options: --warmup S (2) --measure S (3) --repeats N (3) --queue-depth N (32) "
            + "--read-percent P (50) --settle S (20) --fast-interval MS (100; 0 = leave out) "
            + "--only shared|unequal|recovery|all (all)";

    static ScenarioOptions parse(String[] args) {
        ScenarioOptions o = new ScenarioOptions(2, 3, 3, 32, 50, 20, 100, "all");
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value; " + USAGE);
            }
            String v = args[i + 1];
            o = switch (args[i]) {
                case "--warmup" -> new ScenarioOptions(Double.parseDouble(v), o.measureSeconds, o.repeats, o.queueDepth, o.readPercent, o.settleSeconds, o.fastIntervalMs, o.only);
                case "--measure" -> new ScenarioOptions(o.warmupSeconds, Double.parseDouble(v), o.repeats, o.queueDepth, o.readPercent, o.settleSeconds, o.fastIntervalMs, o.only);
                case "--repeats" -> new ScenarioOptions(o.warmupSeconds, o.measureSeconds, Integer.parseInt(v), o.queueDepth, o.readPercent, o.settleSeconds, o.fastIntervalMs, o.only);
                case "--queue-depth" -> new ScenarioOptions(o.warmupSeconds, o.measureSeconds, o.repeats, Integer.parseInt(v), o.readPercent, o.settleSeconds, o.fastIntervalMs, o.only);
                case "--read-percent" -> new ScenarioOptions(o.warmupSeconds, o.measureSeconds, o.repeats, o.queueDepth, Integer.parseInt(v), o.settleSeconds, o.fastIntervalMs, o.only);
                case "--settle" -> new ScenarioOptions(o.warmupSeconds, o.measureSeconds, o.repeats, o.queueDepth, o.readPercent, Double.parseDouble(v), o.fastIntervalMs, o.only);
                case "--fast-interval" -> new ScenarioOptions(o.warmupSeconds, o.measureSeconds, o.repeats, o.queueDepth, o.readPercent, o.settleSeconds, Long.parseLong(v), o.only);
                case "--only" -> new ScenarioOptions(o.warmupSeconds, o.measureSeconds, o.repeats, o.queueDepth, o.readPercent, o.settleSeconds, o.fastIntervalMs, v.toLowerCase(Locale.ROOT));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
            };
        }
        o.check();
        return o;
    }

    private void check() {
        if (warmupSeconds < 0 || measureSeconds <= 0 || repeats < 1 || queueDepth < 1 || settleSeconds <= 0
                || readPercent < 0 || readPercent > 100 || fastIntervalMs < 0
                || !(only.equals("all") || only.equals("shared") || only.equals("unequal") || only.equals("recovery"))) {
            throw new IllegalArgumentException("an option is out of range: " + this + "; " + USAGE);
        }
    }

    double readFraction() {
        return readPercent / 100.0;
    }

    /** The trace length at the faster interval: the default settle time scaled down, at least 4 s. */
    double fastSettleSeconds() {
        return Math.max(4, settleSeconds * fastIntervalMs / 1000.0 * 2);
    }
}
