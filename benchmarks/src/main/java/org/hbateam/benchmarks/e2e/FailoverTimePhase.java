package org.hbateam.benchmarks.e2e;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
 * Failover time on the real bed with default settings: a team of two paths in failover-only routing (no
 * balancer bound, so exactly one path carries the I/O) under 128 KiB I/O at queue depth 8, half the slots
 * writing. Each run injects a {@link BedFault} on the carrying path and measures two things:
 * <ul>
 * <li>the first command completed on the other path (its completion counter, polled every millisecond), from
 * the return of the bed step (whose last step is the fault itself: a slight underestimate) and from its call
 * (which adds the script's start-up: an overestimate). With failover-only routing new commands go to the other
 * path as soon as the carrying one is failed, so this does not wait for the retried commands;</li>
 * <li>the stuck commands: those in flight when the bed step returned, each timed to its completion to the
 * caller through the retry, which a fenced failover holds back until the old path can no longer run it.</li>
 * </ul>
 * The fault is then lifted and the next run waits until both paths are usable again (failback, stable for 5 s).
 */
final class FailoverTimePhase {
    private static final long GUARD_NANOS = TimeUnit.SECONDS.toNanos(60);
    static final double GUARD_MS = GUARD_NANOS / 1e6;

    /**
     * One run: the bed path faulted; ms to the first completion elsewhere from the step's return and its call;
     * ms from the return to each stuck command's completion (one that never completed counts as the guard,
     * {@link #GUARD_MS}), and how many never completed.
     */
    record Run(int faultedPath, double firstMs, double firstFromCallMs, List<Double> stuckMs, int unfinished) {
        /** The last stuck command's time, or 0 when none was in flight. */
        double lastStuckMs() {
            return stuckMs.isEmpty() ? 0 : Collections.max(stuckMs);
        }
    }

    /** The runs of one fault, the commands completed, and the errors that reached the caller. */
    record Result(BedFault fault, List<Run> runs, long commands, long errors, String firstError) {
        List<Double> allStuckMs() {
            return runs.stream().flatMap(r -> r.stuckMs().stream()).toList();
        }
    }

    private final TestBed bed;
    private final int runs;
    private final BedFault fault;

    FailoverTimePhase(TestBed bed, int runs, BedFault fault) {
        this.bed = bed;
        this.runs = runs;
        this.fault = fault;
    }

    Result run() throws Exception {
        List<Run> measured = new ArrayList<>();
        String prefix = fault == BedFault.CUT ? "fo" : "bh";
        try (DirectFailover service = new DirectFailover(FailoverSettings.defaults());
             IscsiAdapters adapters = BedAdapters.start(bed, prefix, List.of(1, 2), service)) {
            List<DataPath> paths = adapters.awaitPaths(1);
            Team team = service.team(paths.get(0).luIdentity());
            // Half the slots write, half read: a fault always catches writes in flight.
            QueueDepthLoop load = new QueueDepthLoop(Sink.of(team), LoadSpec.sequential(SinglePathPhase.BLOCK_BYTES, 8,
                    SinglePathPhase.SECTOR, team.capacityBytes(), LoadSpec.Directions.alternatingSlots()));
            load.start(TimeUnit.HOURS.toNanos(1));
            try {
                for (int i = 0; i < runs; i++) {
                    awaitAllUsable(service, team, paths);
                    Run run = measureOne(team, paths, load);
                    measured.add(run);
                    System.out.printf("%s run %d: path %d, first completion on the other path %.0f ms after %s returned "
                            + "(%.0f ms after its call); %d stuck commands, last completed at %.0f ms%s%n", fault.title(), i + 1,
                            run.faultedPath(), run.firstMs(), fault.step(), run.firstFromCallMs(), run.stuckMs().size(),
                            run.lastStuckMs(), run.unfinished() == 0 ? "" : ", " + run.unfinished() + " never completed");
                }
            } finally {
                load.stopAndDrain();
            }
            LoadResult result = load.result();
            return new Result(fault, measured, result.commands(), result.errors(), result.firstError());
        }
    }

    private Run measureOne(Team team, List<DataPath> paths, QueueDepthLoop load) throws InterruptedException {
        int carrying = carryingIndex(team, paths);
        DataPath other = paths.get(1 - carrying);
        long baseline = commands(team, other);
        long called = System.nanoTime();
        fault.inject(bed, carrying + 1);
        long returned = System.nanoTime();
        StuckCommands stuck = StuckCommands.watch(load, returned);
        while (commands(team, other) == baseline && System.nanoTime() - called < GUARD_NANOS) {
            Thread.sleep(1);
        }
        long firstOnOther = System.nanoTime();
        stuck.await(returned + GUARD_NANOS);
        fault.lift(bed, carrying + 1);
        List<Double> stuckMs = new ArrayList<>(stuck.completedMs());
        int unfinished = stuck.unfinished();
        stuckMs.addAll(Collections.nCopies(unfinished, GUARD_MS));
        return new Run(carrying + 1, (firstOnOther - returned) / 1e6, (firstOnOther - called) / 1e6, stuckMs, unfinished);
    }

    /**
     * The path that alone carries the I/O now: its completion counter moves while the other's stands still for
     * 100 ms. Right after a failback the old path still completes the commands it held, and a fault injected then
     * would count one of those as the failover.
     */
    private static int carryingIndex(Team team, List<DataPath> paths) throws InterruptedException {
        long end = System.nanoTime() + GUARD_NANOS;
        while (System.nanoTime() < end) {
            long[] before = {commands(team, paths.get(0)), commands(team, paths.get(1))};
            Thread.sleep(100);
            boolean first = commands(team, paths.get(0)) > before[0];
            boolean second = commands(team, paths.get(1)) > before[1];
            if (first != second) {
                return first ? 0 : 1;
            }
        }
        throw new IllegalStateException("no single path carries the I/O: " + team.paths());
    }

    private static void awaitAllUsable(DirectFailover service, Team team, List<DataPath> paths) throws InterruptedException {
        long end = System.nanoTime() + GUARD_NANOS;
        while (!paths.stream().allMatch(p -> service.status(team.name(), p.id()).usable())) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the paths did not both return within 60 s: " + team.paths());
            }
            Thread.sleep(10);
        }
    }

    private static long commands(Team team, DataPath path) {
        for (PathInfo info : team.paths()) {
            if (info.pathId().equals(path.id())) {
                return info.commands();
            }
        }
        return 0;
    }
}
