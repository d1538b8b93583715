package org.hbateam.balancer.dynamic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.hbateam.balancer.testkit.Chaos;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class ShareRebalancerPropertiesTest {
    @Property(tries = 500)
    void ticksKeepTheSumAndNeverGoNegative(@ForAll @IntRange(min = 1, max = 16) int size, @ForAll long seed,
                                          @ForAll @DoubleRange(min = 0, max = 100) double threshold,
                                          @ForAll @DoubleRange(min = 0, max = 100) double change) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] configured = Chaos.randomShares(random, size);
        double[] shares = new double[size];
        for (int slot = 0; slot < size; slot++) {
            shares[slot] = configured[slot];
        }
        for (int tick = 0; tick < 50; tick++) {
            long[] bytes = new long[size];
            boolean[] usable = new boolean[size];
            for (int slot = 0; slot < size; slot++) {
                bytes[slot] = random.nextInt(3) == 0 ? 0 : random.nextLong(1L << 40);
                usable[slot] = random.nextInt(5) != 0;
            }
            ShareRebalancer.rebalance(shares, bytes, usable, threshold, change);
            double sum = 0;
            for (double share : shares) {
                assertTrue(share >= 0, "no share may go negative: " + share);
                sum += share;
            }
            assertEquals(100.0, sum, Chaos.EPSILON, "shares must keep adding up to 100");
        }
    }
}
