package org.hbateam.balancer.dynamic.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShareRebalancerTest {
    private static final boolean[] ALL_FOUR = {true, true, true, true};

    @Test
    void patentExampleGivesTheShareToTheMinusFifteenPath() {
        // [0033]: "three data paths, having DifferenceLB values of -15%, 15%, and 10%"
        double[] difference = {-15, 15, 10};
        double[] actual = {10, 50, 40};
        assertEquals(0, ShareRebalancer.receiver(difference, actual, new boolean[] {true, true, true}, 1),
            "the path at -15% has the lowest DifferenceLB and must receive the share");
    }

    @Test
    void tieOnLowestDifferenceGoesToTheHighestActualShare() {
        double[] difference = {20, -10, -10};
        double[] actual = {60, 5, 15};
        assertEquals(2, ShareRebalancer.receiver(difference, actual, new boolean[] {true, true, true}, 0),
            "of two paths at -10%, the one with the higher ActualLBShare receives");
    }

    @Test
    void congestedPathGivesLbChangePercentOfItsShareToTheLowestDifference() {
        double[] shares = {25, 25, 25, 25};
        long[] bytes = {40, 25, 25, 10}; // actual 40/25/25/10, DifferenceLB +15/0/0/-15
        assertTrue(ShareRebalancer.rebalance(shares, bytes, ALL_FOUR, 10, 10), "a path 15 points over a 10 point threshold is congested");
        assertArrayEquals(new double[] {22.5, 25, 25, 27.5}, shares, 1e-9,
            "10% of the congested path's 25 should move to the path at -15");
    }

    @Test
    void differenceAtTheThresholdIsNotCongestion() {
        double[] shares = {50, 50};
        long[] bytes = {60, 40}; // DifferenceLB +10/-10
        assertFalse(ShareRebalancer.rebalance(shares, bytes, new boolean[] {true, true}, 10, 10),
            "DifferenceLB must exceed ChangeThreshold, not equal it");
        assertArrayEquals(new double[] {50, 50}, shares, 0.0, "shares stay when nothing is congested");
    }

    @Test
    void failedPathsTakeNoPartAndKeepTheirShare() {
        double[] shares = {40, 30, 30};
        long[] bytes = {999_999, 80, 20}; // slot 0 is failed: its bytes must not count
        ShareRebalancer.rebalance(shares, bytes, new boolean[] {false, true, true}, 10, 10);
        // Usable shares 30/30 are 50/50 effective; actual 80/20, so slot 1 is 30 points over and gives 3 to slot 2.
        assertArrayEquals(new double[] {40, 27, 33}, shares, 1e-9, "only the usable paths trade share");
    }

    @Test
    void noBytesMeansNoChange() {
        double[] shares = {70, 30};
        assertFalse(ShareRebalancer.rebalance(shares, new long[] {0, 0}, new boolean[] {true, true}, 0, 50),
            "an idle interval says nothing about congestion");
        assertArrayEquals(new double[] {70, 30}, shares, 0.0, "shares stay after an idle interval");
    }
}
