package org.hbateam.balancer.dynamic.internal;

import java.util.SplittableRandom;

import org.hbateam.balancer.testkit.Chaos;
import org.hbateam.balancer.testkit.FakePathSet;
import org.hbateam.balancer.testkit.FakeTeamView;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class DynamicBalancerPropertiesTest {
    @Property(tries = 200)
    void sharesAddUpNeverGoNegativeAndFailedPathsAreNeverSelected(@ForAll @IntRange(min = 1, max = 16) int size,
                                                                   @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FakePathSet paths = Chaos.randomTeam(random, size, 3);
        DynamicBalancer balancer = new DynamicBalancer(new FakeTeamView("t", paths), b -> { });
        DynamicSettings parameters = new DynamicSettings(1000, random.nextInt(30), 1 + random.nextInt(50),
            ShareMode.values()[random.nextInt(ShareMode.values().length)], 1 + random.nextInt(4), random.nextInt(100));
        Chaos.run(balancer, paths, random, 30, () -> {
            paths.addAdapterTraffic("a" + random.nextInt(3), random.nextBoolean() ? org.hbateam.api.scsi.Direction.READ
                : org.hbateam.api.scsi.Direction.WRITE, random.nextInt(1 << 20));
            paths.latency(random.nextInt(size), 1 + random.nextInt(1_000_000)); // the relaxed and capacity modes read it
            balancer.tick(parameters);
        });
    }
}
