package org.hbateam.balancer.dynamic.internal;

/**
 * One timer tick of the patent's dynamic balancing (FIG. 5, [0030]-[0035]) for one direction, on plain arrays.
 *
 * <p>Step 1, per usable path: {@code ActualLBShare = DataPathBytes / TotalTeamBytes * 100} and
 * {@code DifferenceLB = ActualLBShare - LoadBalancingShare}. Failed paths take no part: TotalTeamBytes sums
 * the usable paths only, and LoadBalancingShare is the path's share spread over the usable paths in
 * proportion (what the static rule really delivers while a path is down), so the differences add up to 0.
 *
 * <p>Step 2, per usable path in slot order: when {@code LoadBalancingShare < ActualLBShare} and
 * {@code DifferenceLB > ChangeThreshold}, take {@code LBChange%} of its share away and give it to the usable path
 * with the lowest DifferenceLB (negatives are lower); on a tie, the one with the highest ActualLBShare. As in
 * the patent's pseudocode, the differences of step 1 are not recomputed within the tick.
 *
 * <p>Shares only move between paths, and a path never gives more than it has, so they keep their sum and
 * never go negative.
 */
final class ShareRebalancer {
    /** Differences closer than this count as a tie (they are computed from doubles). */
    static final double TIE = 1e-9;

    private ShareRebalancer() {
    }

    /**
     * Applies one tick to {@code shares} in place, from {@code bytes} carried per slot in the last interval.
     * Returns true when a share moved.
     */
    static boolean rebalance(double[] shares, long[] bytes, boolean[] usable,
                             double changeThresholdPercent, double lbChangePercent) {
        double totalBytes = 0;
        double usableShares = 0;
        for (int slot = 0; slot < shares.length; slot++) {
            if (usable[slot]) {
                totalBytes += bytes[slot];
                usableShares += shares[slot];
            }
        }
        if (totalBytes <= 0 || usableShares <= 0) {
            return false; // nothing carried, or nothing to compare against: keep the shares
        }
        double[] actual = new double[shares.length];
        double[] difference = new double[shares.length];
        for (int slot = 0; slot < shares.length; slot++) {
            if (usable[slot]) {
                actual[slot] = bytes[slot] / totalBytes * 100.0;
                difference[slot] = actual[slot] - shares[slot] * 100.0 / usableShares;
            }
        }
        boolean moved = false;
        for (int slot = 0; slot < shares.length; slot++) {
            boolean congested = usable[slot] && difference[slot] > 0 && difference[slot] > changeThresholdPercent;
            int receiver = congested ? receiver(difference, actual, usable, slot) : -1;
            if (receiver >= 0 && shares[slot] > 0) {
                double amount = shares[slot] * lbChangePercent / 100.0;
                shares[slot] -= amount;
                shares[receiver] += amount;
                moved |= amount > 0;
            }
        }
        return moved;
    }

    /**
     * The usable slot other than {@code giver} with the lowest difference, ties to the highest actual share;
     * -1 when there is none.
     */
    static int receiver(double[] difference, double[] actual, boolean[] usable, int giver) {
        int best = -1;
        for (int slot = 0; slot < difference.length; slot++) {
            if (!usable[slot] || slot == giver) {
                continue;
            }
            if (best < 0 || difference[slot] < difference[best] - TIE
                    || (Math.abs(difference[slot] - difference[best]) <= TIE && actual[slot] > actual[best])) {
                best = slot;
            }
        }
        return best;
    }
}
