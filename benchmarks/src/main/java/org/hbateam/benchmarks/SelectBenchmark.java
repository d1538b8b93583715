package org.hbateam.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.hbateam.api.balancer.Balancer;
import org.hbateam.api.scsi.Direction;
import org.hbateam.balancer.dynamic.internal.DynamicBalancer;
import org.hbateam.balancer.leastqueuedepth.internal.LeastQueueBalancerFactory;
import org.hbateam.balancer.roundrobin.internal.RoundRobinBalancerFactory;
import org.hbateam.balancer.servicetime.internal.ServiceTimeBalancerFactory;
import org.hbateam.balancer.static_.internal.StaticBalancerFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The cost of choosing a path for one command: {@link Balancer#select} on a team of 2 to 16 paths, followed
 * by the one counter add the team does per dispatch (so share-based strategies see their counters move, as
 * in real use). One balancer is shared by all benchmark threads, as one team's balancer is shared by its
 * submitters. Run with {@code benchmarks/run select}; see docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SelectBenchmark {
    @Param({"static", "dynamic", "round-robin", "least-queue-depth", "service-time"})
    public String policy;

    @Param({"2", "4", "8", "16"})
    public int paths;

    private BenchPathSet team;
    private Balancer balancer;

    /** A pre-drawn cycle of mixed reads and writes of 512 B to 256 KiB, one per thread. */
    @State(Scope.Thread)
    public static class Commands {
        private static final int MASK = 1023;
        private final long[] bytes = new long[MASK + 1];
        private final Direction[] directions = new Direction[MASK + 1];
        private int next;

        @Setup
        public void draw() {
            SplittableRandom random = new SplittableRandom(Thread.currentThread().getId());
            for (int i = 0; i <= MASK; i++) {
                bytes[i] = 512L * (1 + random.nextInt(512));
                directions[i] = random.nextInt(3) == 0 ? Direction.WRITE : Direction.READ;
            }
        }

        int next() {
            return next++ & MASK;
        }
    }

    @Setup
    public void createBalancer() {
        team = new BenchPathSet(paths);
        BenchTeam view = new BenchTeam(team);
        balancer = switch (policy) {
            case "static" -> new StaticBalancerFactory().create(view);
            case "dynamic" -> new DynamicBalancer(view, closed -> { });
            case "round-robin" -> new RoundRobinBalancerFactory().create(view);
            case "least-queue-depth" -> new LeastQueueBalancerFactory().create(view);
            case "service-time" -> new ServiceTimeBalancerFactory().create(view);
            default -> throw new IllegalArgumentException("unknown policy " + policy);
        };
    }

    @TearDown
    public void closeBalancer() {
        balancer.close();
    }

    @Benchmark
    @Threads(1)
    public int oneThread(Commands commands) {
        return selectAndCount(commands);
    }

    @Benchmark
    @Threads(2)
    public int twoThreads(Commands commands) {
        return selectAndCount(commands);
    }

    @Benchmark
    @Threads(4)
    public int fourThreads(Commands commands) {
        return selectAndCount(commands);
    }

    private int selectAndCount(Commands commands) {
        int command = commands.next();
        Direction direction = commands.directions[command];
        long bytes = commands.bytes[command];
        int slot = balancer.select(team, direction, bytes);
        team.dispatched(slot, direction, bytes);
        return slot;
    }
}
