package org.hbateam.benchmarks.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.hbateam.api.balancer.BalancerFactory;
import org.hbateam.api.path.DataPath;
import org.hbateam.api.scsi.Direction;
import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;
import org.hbateam.balancer.dynamic.internal.DynamicBalancerFactory;
import org.hbateam.balancer.dynamic.internal.DynamicSettings;
import org.hbateam.balancer.leastqueuedepth.internal.LeastQueueBalancerFactory;
import org.hbateam.balancer.roundrobin.internal.RoundRobinBalancerFactory;
import org.hbateam.balancer.servicetime.internal.ServiceTimeBalancerFactory;
import org.hbateam.balancer.static_.internal.StaticBalancerFactory;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.load.LoadResult;
import org.hbateam.load.Sink;
import org.hbateam.test.direct.DirectFailover;
import org.hbateam.test.direct.IscsiAdapters;
import org.hbateam.testbed.TestBed;

/**
 * Aggregate throughput of a team over 2 and 3 paths, each throttled with tc tbf to the same rate, for every
 * balancing strategy, session-based (a session per path) and connection-based (one MC/S session, a connection per
 * path): 128 KiB sequential reads at queue depth 32 through {@link Team#submit}, after a warm-up
 * second, as a fraction of the sum of the link rates. Each strategy gets a fresh failover service and fresh
 * adapters, so no counter or share carries over.
 */
final class AggregationPhase {
    static final List<String> POLICIES = List.of("static", "dynamic", "round-robin", "least-queue-depth", "service-time");

    /** Session-based (one session per path) or connection-based (one MC/S session, a connection per path). */
    static final List<String> TEAMINGS = List.of("session", "connection");

    /** One measurement: MiB/s through the team, the fraction of the summed link rates, each path's share of the bytes. */
    record Row(int paths, String teaming, String policy, double mibPerSecond, double fraction, List<Double> pathShares,
               long errors) {
    }

    private final TestBed bed;
    private final double seconds;
    private final String rate;
    private final double rateBytesPerSecond;

    AggregationPhase(TestBed bed, double seconds, String rate) {
        this.bed = bed;
        this.seconds = seconds;
        this.rate = rate;
        this.rateBytesPerSecond = parseRate(rate) / 8;
    }

    List<Row> run(List<Integer> pathCounts) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int n : pathCounts) {
            for (int i = 1; i <= n; i++) {
                bed.throttle(i, rate);
            }
            for (String teaming : TEAMINGS) {
                for (String policy : POLICIES) {
                    Row row = measure(n, teaming, policy);
                    rows.add(row);
                    System.out.printf("aggregation %d paths %s-based %s: %.1f MiB/s = %.3f of %d x %s, shares %s%n",
                            n, teaming, policy, row.mibPerSecond(), row.fraction(), n, rate, row.pathShares());
                }
            }
            for (int i = 1; i <= n; i++) {
                bed.unthrottle(i);
            }
        }
        return rows;
    }

    private Row measure(int n, String teaming, String policy) throws Exception {
        List<Integer> bedPaths = IntStream.rangeClosed(1, n).boxed().toList();
        DynamicBalancerFactory dynamic = new DynamicBalancerFactory(DynamicSettings.DEFAULTS);
        try (DirectFailover failover = new DirectFailover(FailoverSettings.defaults().withDefaultPolicy(policy));
             IscsiAdapters adapters = teaming.equals("session") ? BedAdapters.start(bed, "ag" + n, bedPaths, failover)
                     : BedAdapters.connectionBased(bed, "mc" + n, bedPaths, failover)) {
            failover.useBalancer(factory(policy, dynamic), policy);
            List<DataPath> paths = adapters.awaitPaths(1);
            Team team = failover.team(paths.get(0).luIdentity());
            awaitMembers(team, n);
            long lunBytes = team.capacityBytes();
            SinglePathPhase.load(Sink.of(team), Direction.READ, lunBytes).run(1);
            List<PathInfo> before = team.paths();
            LoadResult result = SinglePathPhase.load(Sink.of(team), Direction.READ, lunBytes).run(seconds);
            List<Double> shares = shares(before, team.paths());
            double bytesPerSecond = result.bytes() / result.seconds();
            return new Row(n, teaming, policy, result.mibPerSecond(), bytesPerSecond / (n * rateBytesPerSecond), shares,
                    result.errors());
        } finally {
            dynamic.deactivate();
        }
    }

    static BalancerFactory factory(String policy, DynamicBalancerFactory dynamic) {
        return switch (policy) {
            case "static" -> new StaticBalancerFactory();
            case "dynamic" -> dynamic;
            case "round-robin" -> new RoundRobinBalancerFactory();
            case "least-queue-depth" -> new LeastQueueBalancerFactory();
            case "service-time" -> new ServiceTimeBalancerFactory();
            default -> throw new IllegalArgumentException("unknown policy " + policy);
        };
    }

    static void awaitMembers(Team team, int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (team.paths().size() < n && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        if (team.paths().size() < n) {
            throw new IllegalStateException("the team has " + team.paths() + ", not " + n + " paths");
        }
    }

    /** Each path's share of the bytes read between two snapshots (same order: the team's priority order). */
    static List<Double> shares(List<PathInfo> before, List<PathInfo> after) {
        List<Double> shares = new ArrayList<>();
        long total = 0;
        long[] delta = new long[after.size()];
        for (int i = 0; i < after.size(); i++) {
            String id = after.get(i).pathId();
            long old = before.stream().filter(p -> p.pathId().equals(id)).mapToLong(PathInfo::bytesRead).findFirst().orElse(0);
            delta[i] = after.get(i).bytesRead() - old;
            total += delta[i];
        }
        for (long d : delta) {
            shares.add(total == 0 ? 0 : Math.round(1000.0 * d / total) / 10.0);
        }
        return shares;
    }

    /** Bits per second of a tc rate such as {@code 200mbit}, {@code 500kbit} or {@code 1gbit}. */
    static double parseRate(String rate) {
        String r = rate.toLowerCase();
        double factor = r.endsWith("gbit") ? 1e9 : r.endsWith("mbit") ? 1e6 : r.endsWith("kbit") ? 1e3 : 0;
        if (factor == 0) {
            throw new IllegalArgumentException("rate " + rate + " is not N(k|m|g)bit");
        }
        return Double.parseDouble(r.replaceAll("[kmg]bit$", "")) * factor;
    }
}
