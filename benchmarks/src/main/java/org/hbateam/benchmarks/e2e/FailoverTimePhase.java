package org.hbateam.benchmarks.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.hbateam.api.path.DataPath;
import org.hbateam.api.scsi.Direction;
import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;
import org.hbateam.driver.iscsi.internal.BenchAdapters;
import org.hbateam.failover.internal.FailoverForE2e;
import org.hbateam.testbed.TestBed;

/**
 * Failover time on the real bed with default settings: a team of two paths in failover-only routing (no
 * balancer bound, so exactly one path carries the I/O) under 128 KiB reads at queue depth 8. Each run cuts
 * the carrying link with {@code bed cut} (target side, silent) and measures to the first command completed on
 * the other path (its completion counter, polled every millisecond), both from the return of {@code bed cut}
 * (whose last step is the {@code ip link set down}: a slight underestimate) and from its call (which adds the
 * script's start-up: an overestimate). The link is then restored and the next run waits until both paths are
 * usable again (failback, stable for 5 s).
 */
final class FailoverTimePhase {
    private static final long GUARD_NANOS = TimeUnit.SECONDS.toNanos(60);

    /**
     * The failover times in ms from the return of {@code bed cut}, and from its call; the commands completed and
     * the errors that reached the caller.
     */
    record Result(List<Double> failoverMs, List<Double> fromCallMs, long commands, long errors, String firstError) {
    }

    private final TestBed bed;
    private final int runs;

    FailoverTimePhase(TestBed bed, int runs) {
        this.bed = bed;
        this.runs = runs;
    }

    Result run() throws Exception {
        List<Double> failover = new ArrayList<>();
        List<Double> fromCall = new ArrayList<>();
        try (FailoverForE2e service = new FailoverForE2e();
             BenchAdapters adapters = new BenchAdapters(bed, "fo", List.of(1, 2), service)) {
            List<DataPath> paths = adapters.awaitPaths(1);
            Team team = service.team(paths.get(0).luIdentity());
            QueueDepthLoop load = new QueueDepthLoop(team, Direction.READ, SinglePathPhase.BLOCK_BYTES, 8, team.capacityBytes());
            load.start(TimeUnit.HOURS.toNanos(1));
            try {
                for (int i = 0; i < runs; i++) {
                    awaitAllUsable(service, team, paths);
                    int carrying = carryingIndex(team, paths);
                    DataPath other = paths.get(1 - carrying);
                    long baseline = commands(team, other);
                    long cutCalled = System.nanoTime();
                    bed.cut(carrying + 1);
                    long cutReturned = System.nanoTime();
                    while (commands(team, other) == baseline && System.nanoTime() - cutCalled < GUARD_NANOS) {
                        Thread.sleep(1);
                    }
                    long firstOnOther = System.nanoTime();
                    bed.restore(carrying + 1);
                    failover.add((firstOnOther - cutReturned) / 1e6);
                    fromCall.add((firstOnOther - cutCalled) / 1e6);
                    System.out.printf("failover run %d: cut path %d, first completion on path %d %.0f ms after bed cut returned "
                            + "(%.0f ms after it was called)%n", i + 1, carrying + 1, 2 - carrying, failover.get(i), fromCall.get(i));
                }
            } finally {
                load.stop();
            }
            QueueDepthLoop.Result result = load.awaitDrained();
            return new Result(failover, fromCall, result.commands(), result.errors(), result.firstError());
        }
    }

    /**
     * The path that alone carries the I/O now: its completion counter moves while the other's stands still for
     * 100 ms. Right after a failback the old path still completes the commands it held, and a cut measured then
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

    private static void awaitAllUsable(FailoverForE2e service, Team team, List<DataPath> paths) throws InterruptedException {
        long end = System.nanoTime() + GUARD_NANOS;
        while (!paths.stream().allMatch(p -> service.usable(team.name(), p.id()))) {
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
