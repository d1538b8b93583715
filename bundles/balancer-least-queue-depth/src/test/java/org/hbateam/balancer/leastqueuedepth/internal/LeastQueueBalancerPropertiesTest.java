package org.hbateam.balancer.leastqueuedepth.internal;

import java.util.SplittableRandom;

import org.hbateam.api.balancer.Balancer;
import org.hbateam.balancer.testkit.Chaos;
import org.hbateam.balancer.testkit.FakePathSet;
import org.hbateam.balancer.testkit.FakeTeamView;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class LeastQueueBalancerPropertiesTest {
    @Property(tries = 200)
    void sharesAddUpNeverGoNegativeAndFailedPathsAreNeverSelected(@ForAll @IntRange(min = 1, max = 16) int size,
                                                                   @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FakePathSet paths = Chaos.randomTeam(random, size, 4);
        Balancer balancer = new LeastQueueBalancerFactory().create(new FakeTeamView("t", paths));
        Chaos.run(balancer, paths, random, 30, () -> paths.inFlight(random.nextInt(size), random.nextInt(8),
            4096L * random.nextInt(64)));
    }
}
