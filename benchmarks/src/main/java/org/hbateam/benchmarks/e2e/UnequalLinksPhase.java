package org.hbateam.benchmarks.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.hbateam.api.path.DataPath;
import org.hbateam.api.scsi.Direction;
import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;
import org.hbateam.balancer.dynamic.internal.DynamicBalancerFactory;
import org.hbateam.balancer.dynamic.internal.DynamicSettings;
import org.hbateam.balancer.dynamic.internal.ShareMode;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.load.LoadResult;
import org.hbateam.load.Sink;
import org.hbateam.test.direct.DirectFailover;
import org.hbateam.test.direct.IscsiAdapters;
import org.hbateam.testbed.TestBed;

/**
 * A team over paths throttled to different rates (by default 100, 300 and 600 mbit), for every strategy and every
 * mode of the dynamic balancer: 128 KiB sequential reads at queue depth 32, as a fraction of the sum of the link
 * rates. The dynamic modes run {@code settleSeconds} first, at their default TimerInterval, so their shares can
 * move before the measurement.
 */
final class UnequalLinksPhase {
    /** One row: the policy as labelled, MiB/s, fraction of the summed rates, each path's share of the bytes. */
    record Row(String label, double mibPerSecond, double fraction, List<Double> pathShares, long errors) {
    }

    private record Case(String label, String policy, ShareMode mode) {
    }

    private static final List<Case> CASES = List.of(new Case("static", "static", null),
            new Case("dynamic (patent)", "dynamic", ShareMode.PATENT), new Case("dynamic relaxed", "dynamic", ShareMode.RELAXED),
            new Case("dynamic capacity", "dynamic", ShareMode.CAPACITY), new Case("round-robin", "round-robin", null),
            new Case("least-queue-depth", "least-queue-depth", null), new Case("service-time", "service-time", null));

    private final TestBed bed;
    private final double seconds;
    private final double settleSeconds;
    private final List<String> rates;

    UnequalLinksPhase(TestBed bed, double seconds, double settleSeconds, List<String> rates) {
        this.bed = bed;
        this.seconds = seconds;
        this.settleSeconds = settleSeconds;
        this.rates = rates;
    }

    List<Row> run() throws Exception {
        for (int i = 0; i < rates.size(); i++) {
            bed.throttle(i + 1, rates.get(i));
        }
        try {
            List<Row> rows = new ArrayList<>();
            for (Case c : CASES) {
                Row row = measure(c);
                rows.add(row);
                System.out.printf("unequal links %s: %.1f MiB/s = %.3f of %s, shares %s%n", c.label(), row.mibPerSecond(),
                        row.fraction(), rates, row.pathShares());
            }
            return rows;
        } finally {
            for (int i = 0; i < rates.size(); i++) {
                bed.unthrottle(i + 1);
            }
        }
    }

    private Row measure(Case c) throws Exception {
        List<Integer> bedPaths = IntStream.rangeClosed(1, rates.size()).boxed().toList();
        DynamicBalancerFactory dynamic = new DynamicBalancerFactory(
                DynamicSettings.DEFAULTS.withMode(c.mode() == null ? ShareMode.PATENT : c.mode()));
        try (DirectFailover failover = new DirectFailover(FailoverSettings.defaults().withDefaultPolicy(c.policy()));
             IscsiAdapters adapters = BedAdapters.start(bed, "un", bedPaths, failover)) {
            failover.useBalancer(AggregationPhase.factory(c.policy(), dynamic), c.policy());
            List<DataPath> paths = adapters.awaitPaths(1);
            Team team = failover.team(paths.get(0).luIdentity());
            AggregationPhase.awaitMembers(team, rates.size());
            long lunBytes = team.capacityBytes();
            SinglePathPhase.load(Sink.of(team), Direction.READ, lunBytes).run(c.mode() == null ? 1 : settleSeconds);
            List<PathInfo> before = team.paths();
            LoadResult result = SinglePathPhase.load(Sink.of(team), Direction.READ, lunBytes).run(seconds);
            double sum = rates.stream().mapToDouble(AggregationPhase::parseRate).sum() / 8;
            return new Row(c.label(), result.mibPerSecond(), result.bytes() / result.seconds() / sum,
                    AggregationPhase.shares(before, team.paths()), result.errors());
        } finally {
            dynamic.deactivate();
        }
    }
}
