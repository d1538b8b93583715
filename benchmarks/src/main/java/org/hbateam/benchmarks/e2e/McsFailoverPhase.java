package org.hbateam.benchmarks.e2e;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.hbateam.api.path.DataPath;
import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.load.LoadResult;
import org.hbateam.load.LoadSpec;
import org.hbateam.load.QueueDepthLoop;
import org.hbateam.load.Sink;
import org.hbateam.test.direct.DirectFailover;
import org.hbateam.test.direct.IscsiAdapters;
import org.hbateam.testbed.TestBed;

/**
 * Failover time of connection-based teaming (MC/S): per run a fresh connection-based adapter whose session has one
 * connection over bed path 1 and one over bed path 2, failover-only routing, 128 KiB mixed I/O at queue depth 8;
 * {@code bed cut} of the carrying connection's link, then the time to the first command completed through the other
 * adapter. A fresh adapter per run, because a target that mishandles the fence (tgtd) makes the adapter fall back to
 * one session per adapter, whose paths are new: completions are counted per adapter, each path's last count kept
 * when it leaves, so the count never goes back.
 */
final class McsFailoverPhase {
    private static final long GUARD_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** The runs: ms from the cut's return to the first completion elsewhere; commands; errors that reached the caller. */
    record Result(List<Double> firstMs, long commands, long errors, String firstError) {
    }

    private final TestBed bed;
    private final int runs;

    McsFailoverPhase(TestBed bed, int runs) {
        this.bed = bed;
        this.runs = runs;
    }

    Result run() throws Exception {
        List<Double> firstMs = new ArrayList<>();
        long commands = 0;
        long errors = 0;
        String firstError = null;
        for (int i = 0; i < runs; i++) {
            try (DirectFailover service = new DirectFailover(FailoverSettings.defaults());
                 IscsiAdapters adapters = BedAdapters.connectionBased(bed, "mf", List.of(1, 2), service)) {
                List<DataPath> paths = adapters.awaitPaths(1);
                Team team = service.team(paths.get(0).luIdentity());
                QueueDepthLoop load = new QueueDepthLoop(Sink.of(team), LoadSpec.sequential(SinglePathPhase.BLOCK_BYTES, 8,
                        SinglePathPhase.SECTOR, team.capacityBytes(), LoadSpec.Directions.alternatingSlots()));
                load.start(TimeUnit.HOURS.toNanos(1));
                double ms;
                try {
                    ms = measureOne(team);
                } finally {
                    load.stopAndDrain();
                }
                LoadResult result = load.result();
                firstMs.add(ms);
                commands += result.commands();
                errors += result.errors();
                firstError = firstError != null ? firstError : result.firstError();
                System.out.printf("MC/S link cut run %d: first completion through the other adapter %.0f ms after bed cut "
                        + "returned%n", i + 1, ms);
            }
        }
        return new Result(firstMs, commands, errors, firstError);
    }

    private double measureOne(Team team) throws InterruptedException {
        Counts counts = new Counts();
        String carrying = carryingAdapter(team, counts);
        int link = Integer.parseInt(carrying.substring("mf".length()));
        long baseline = counts.otherThan(team, carrying);
        bed.cut(link);
        long returned = System.nanoTime();
        try {
            while (counts.otherThan(team, carrying) == baseline && System.nanoTime() - returned < GUARD_NANOS) {
                Thread.sleep(1);
            }
            return (System.nanoTime() - returned) / 1e6;
        } finally {
            bed.restore(link);
        }
    }

    /** The adapter whose completions move while the other's stand still for 100 ms: failover-only's primary. */
    private static String carryingAdapter(Team team, Counts counts) throws InterruptedException {
        long end = System.nanoTime() + GUARD_NANOS;
        while (System.nanoTime() < end) {
            long one = counts.of(team, "mf1");
            long two = counts.of(team, "mf2");
            Thread.sleep(100);
            boolean first = counts.of(team, "mf1") > one;
            boolean second = counts.of(team, "mf2") > two;
            if (first != second) {
                return first ? "mf1" : "mf2";
            }
        }
        throw new IllegalStateException("no single connection carries the I/O: " + team.paths());
    }

    /** Completions per adapter that never go back: each path's highest count, kept after the path left. */
    private static final class Counts {
        private final Map<String, Long> byPath = new HashMap<>();
        private final Map<String, String> adapterOf = new HashMap<>();

        long of(Team team, String adapterId) {
            for (PathInfo info : team.paths()) {
                byPath.merge(info.pathId(), info.commands(), Math::max);
                adapterOf.put(info.pathId(), info.adapterId());
            }
            return byPath.entrySet().stream().filter(e -> adapterId.equals(adapterOf.get(e.getKey())))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        long otherThan(Team team, String adapterId) {
            return of(team, adapterId.equals("mf1") ? "mf2" : "mf1");
        }
    }
}
