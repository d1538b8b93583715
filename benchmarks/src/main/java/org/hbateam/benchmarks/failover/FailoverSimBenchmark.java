package org.hbateam.benchmarks.failover;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;
import org.hbateam.api.team.TeamService;
import org.hbateam.driver.sim.Fault;
import org.hbateam.driver.sim.SimulatedFaults;
import org.hbateam.failover.admin.FailoverAdmin;
import org.hbateam.failover.admin.PathStatus;
import org.hbateam.load.LoadSpec;
import org.hbateam.load.QueueDepthLoop;
import org.hbateam.load.Sink;
import org.hbateam.test.framework.Configurations;
import org.hbateam.test.framework.EmbeddedFelix;

/**
 * Failover time on the simulated driver: with load running, the time from cutting (or black-holing) the path
 * that carries the I/O to the first command completed on the other path. The real failover service and the
 * real simulated driver run in an embedded Felix with SCR and Config Admin, the failover service with its
 * default settings (no configuration), so the team routes failover-only: one path carries everything.
 *
 * <p>Between runs the harness restores the path and puts it back at once through {@link FailoverAdmin}
 * (reinstate, then reset counters, which also forgets the failure history so the flaky hold-down never
 * kicks in), then lets the load run for half a second so latency estimates are learnt again.
 *
 * <p>Usage: {@code FailoverSimBenchmark --bundles DIR [--runs N] [--queue-depth Q]}; {@code benchmarks/run failover-sim}.
 */
public final class FailoverSimBenchmark {
    private static final String LU_IDENTITY = "naa.600144f0000000000000000000000bb1";
    /** The load: 8 KiB commands, 30 % reads, at random aligned offsets in the first 16 MiB. */
    private static final int IO_BYTES = 8192;
    private static final long SPAN_BYTES = 16L << 20;
    private static final int READ_PERCENT = 30;

    private final Team team;
    private final SimulatedFaults faults;
    private final FailoverAdmin admin;

    private FailoverSimBenchmark(Team team, SimulatedFaults faults, FailoverAdmin admin) {
        this.team = team;
        this.faults = faults;
        this.admin = admin;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Arguments.parse(args);
        Path bundles = Path.of(Arguments.required(options, "bundles"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "20"));
        int queueDepth = Integer.parseInt(options.getOrDefault("queue-depth", "4"));
        Path storage = Path.of(options.getOrDefault("storage", "benchmarks/target/failover-sim-felix"));
        try (EmbeddedFelix felix = EmbeddedFelix.start(bundles, storage);
             Configurations configurations = new Configurations(felix.configurationAdmin(), felix.teams())) {
            configureSimulatedTeam(configurations);
            Team team = configurations.awaitTeam(LU_IDENTITY, 2);
            FailoverSimBenchmark bench = new FailoverSimBenchmark(team, felix.service(SimulatedFaults.class),
                    felix.failoverAdmin());
            QueueDepthLoop load = new QueueDepthLoop(Sink.of(team), new LoadSpec(IO_BYTES, queueDepth, team.blockSize(),
                    0, SPAN_BYTES, false, LoadSpec.Directions.readPercent(READ_PERCENT), 7));
            load.start();
            try {
                Thread.sleep(1000);
                long[] cut = bench.measure("cut", runs);
                long[] blackHole = bench.measure("black hole", runs);
                System.out.printf("load: queue depth %d, %d commands completed, %d failed at the application%n",
                        queueDepth, load.commands(), load.errors());
                summary("cut", cut);
                summary("black hole", blackHole);
            } finally {
                load.stopAndDrain();
            }
        }
    }

    /** Two simulated adapters and one LUN behind both: a team of two paths, unconfigured, so failover-only. */
    private static void configureSimulatedTeam(Configurations configurations) throws Exception {
        for (String adapter : List.of("hba0", "hba1")) {
            configurations.simAdapter(adapter, 400, 100, 32);
        }
        configurations.simLun("iqn.2026-01.org.hbateam.bench:t0", 0, LU_IDENTITY, 64, "hba0", "hba1");
    }

    /** One warm-up run, then {@code runs} measured ones: nanoseconds from the fault to the first completion on the other path. */
    private long[] measure(String kind, int runs) throws InterruptedException {
        long[] nanos = new long[runs];
        for (int run = -1; run < runs; run++) {
            healBothPaths();
            String carrying = carryingPath();
            String other = team.paths().stream().map(PathInfo::pathId).filter(id -> !id.equals(carrying)).findFirst().orElseThrow();
            long before = commands(other);
            long start = System.nanoTime();
            if (kind.equals("cut")) {
                faults.inject(Fault.cut(Fault.Scope.PATH, carrying));
            } else {
                faults.inject(Fault.blackHole(Fault.Scope.PATH, carrying));
            }
            while (commands(other) <= before) {
                if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(60)) {
                    throw new IllegalStateException(kind + ": no completion on " + other + " within 60 s");
                }
                LockSupport.parkNanos(20_000);
            }
            long elapsed = System.nanoTime() - start;
            faults.restore(Fault.Scope.PATH, carrying);
            if (run >= 0) {
                nanos[run] = elapsed;
                System.out.printf("%s run %2d: %8.3f ms (path %s)%n", kind, run + 1, elapsed / 1e6, carrying);
            }
        }
        return nanos;
    }

    /** Puts every held-out path back, forgets failure history and latency estimates, and lets the load relearn them. */
    private void healBothPaths() throws InterruptedException {
        String name = team.name();
        for (PathStatus path : admin.status(name).orElseThrow().paths()) {
            if (path.heldOut()) {
                admin.reinstatePath(name, path.pathId());
            }
        }
        admin.resetCounters(name);
        Thread.sleep(500);
    }

    /** The path that completed the most commands in the last 100 ms. */
    private String carryingPath() throws InterruptedException {
        Map<String, Long> before = team.paths().stream().collect(Collectors.toMap(PathInfo::pathId, PathInfo::commands));
        Thread.sleep(100);
        return team.paths().stream()
                .max((a, b) -> Long.compare(a.commands() - before.getOrDefault(a.pathId(), 0L), b.commands() - before.getOrDefault(b.pathId(), 0L)))
                .orElseThrow().pathId();
    }

    private long commands(String pathId) {
        for (PathInfo path : team.paths()) {
            if (path.pathId().equals(pathId)) {
                return path.commands();
            }
        }
        return 0;
    }

    /** Median and p99 by nearest rank (with 20 runs, p99 is the slowest run). */
    private static void summary(String kind, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double median = rank(sorted, 0.50) / 1e6;
        double p99 = rank(sorted, 0.99) / 1e6;
        System.out.printf("RESULT %-10s runs=%d median=%.3f ms p99=%.3f ms min=%.3f ms max=%.3f ms%n",
                kind, sorted.length, median, p99, sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static long rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
