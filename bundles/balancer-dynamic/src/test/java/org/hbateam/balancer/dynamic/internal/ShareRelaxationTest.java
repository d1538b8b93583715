package org.hbateam.balancer.dynamic.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShareRelaxationTest {
    private static final DynamicSettings RELAXED = new DynamicSettings(1000, 10, 10, ShareMode.RELAXED, 3, 25);
    private static final boolean[] BOTH = {true, true};
    private static final int[] HALVES = {50, 50};
    private static final long[] EQUAL_LATENCY = {1_000_000, 1_000_000};

    @Test
    void aQuietPathGetsLbChangePercentOfItsConfiguredShareBackAfterRelaxIntervals() {
        double[] shares = {30, 70};
        int[] quiet = new int[2];
        for (int interval = 1; interval < RELAXED.relaxIntervals(); interval++) {
            assertFalse(relax(shares, new long[] {30, 70}, EQUAL_LATENCY, quiet), "interval " + interval + " is too early");
        }
        assertTrue(relax(shares, new long[] {30, 70}, EQUAL_LATENCY, quiet), "the third quiet interval gives back");
        assertArrayEquals(new double[] {35, 65}, shares, 1e-9, "10% of the configured 50 comes back from the path above its share");
    }

    @Test
    void aPathThatIsStillSlowGetsNothingBack() {
        double[] shares = {30, 70};
        int[] quiet = new int[2];
        for (int interval = 0; interval < 10; interval++) {
            assertFalse(relax(shares, new long[] {30, 70}, new long[] {3_000_000, 1_000_000}, quiet),
                "a path three times slower than the other is still congested");
        }
        assertEquals(0, quiet[0], "slow intervals are not quiet");
    }

    @Test
    void aPathNeverGetsMoreThanItLacks() {
        double[] shares = {48, 52};
        int[] quiet = {5, 0};
        relax(shares, new long[] {48, 52}, EQUAL_LATENCY, quiet);
        assertArrayEquals(new double[] {50, 50}, shares, 1e-9, "the share stops at its configured value");
        assertFalse(relax(shares, new long[] {49, 51}, EQUAL_LATENCY, quiet), "a path at its configured share gets nothing more");
    }

    @Test
    void givingShareThisTickBreaksTheQuietRun() {
        double[] shares = {30, 70};
        double[] before = {33, 67}; // FIG. 5 just took 3 from path 0
        int[] quiet = {2, 0};
        assertFalse(ShareRelaxation.relax(shares, before, HALVES, new long[] {30, 70}, EQUAL_LATENCY, BOTH, quiet, RELAXED),
            "a path that gave share in this tick is congested, not quiet");
        assertEquals(0, quiet[0], "its quiet run starts again");
    }

    @Test
    void anIdleIntervalKeepsTheCountsWhereTheyWere() {
        int[] quiet = {2, 0};
        assertFalse(relax(new double[] {30, 70}, new long[] {0, 0}, EQUAL_LATENCY, quiet), "no bytes, no evidence");
        assertArrayEquals(new int[] {2, 0}, quiet, "the count neither grows nor resets");
    }

    @Test
    void sharesComeFromPathsAboveTheirConfiguredShareInProportionToTheirExcess() {
        double[] shares = {10, 50, 40};
        int[] configured = {40, 40, 20};
        int[] quiet = {3, 0, 0};
        ShareRelaxation.relax(shares, shares.clone(), configured, new long[] {10, 50, 40}, new long[] {1, 1, 1},
            new boolean[] {true, true, true}, quiet, RELAXED);
        // 4 points back to slot 0; excesses 10 and 20 give 1/3 and 2/3 of it.
        assertArrayEquals(new double[] {14, 50 - 4.0 / 3, 40 - 8.0 / 3}, shares, 1e-9, "excess pays in proportion");
        assertEquals(100, shares[0] + shares[1] + shares[2], 1e-9, "shares keep their sum");
    }

    private static boolean relax(double[] shares, long[] bytes, long[] latency, int[] quiet) {
        return ShareRelaxation.relax(shares, shares.clone(), HALVES, bytes, latency, BOTH, quiet, RELAXED);
    }
}
