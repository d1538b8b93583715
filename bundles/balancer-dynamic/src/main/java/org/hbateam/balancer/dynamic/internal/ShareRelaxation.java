package org.hbateam.balancer.dynamic.internal;

/**
 * The relaxed mode's give-back, applied after FIG. 5's step in the same tick, for one direction.
 *
 * <p>FIG. 5 only ever takes share from a congested path, so a path that lost share to a passing congestion
 * keeps the low share for ever. Here a usable path is <em>quiet</em> for an interval when it carried less than
 * its configured share of the usable paths' bytes, did not give share in this tick, and its latency is
 * normal: at most {@code normalLatencyPercent} above the mean latency of the usable paths. Latency is the
 * evidence that the congestion is over: a path whose adapter is still busy with another team's I/O completes
 * slowly, so it stays not quiet and FIG. 5's decision stands. After {@code relaxIntervals} quiet intervals in a
 * row the path gets back {@code LBChange%} of its configured share per tick, never more than it lacks, taken
 * from the usable paths above their configured share in proportion to their excess. Shares keep their sum.
 */
final class ShareRelaxation {
    private ShareRelaxation() {
    }

    /**
     * Updates {@code quiet} (consecutive quiet intervals per slot, carried from tick to tick) and gives share
     * back in {@code shares}; {@code before} are the shares at the start of the tick. Returns true when share moved.
     */
    static boolean relax(double[] shares, double[] before, int[] configured, long[] bytes, long[] latencyNanos,
                         boolean[] usable, int[] quiet, DynamicSettings parameters) {
        double totalBytes = sum(bytes, usable);
        double usableConfigured = sum(configured, usable);
        if (totalBytes <= 0 || usableConfigured <= 0) {
            return false; // an idle interval says nothing: the counts stay where they were
        }
        double normalLatency = meanLatency(latencyNanos, usable) * (1.0 + parameters.normalLatencyPercent() / 100.0);
        boolean moved = false;
        for (int slot = 0; slot < shares.length; slot++) {
            boolean underShare = bytes[slot] / totalBytes < configured[slot] / usableConfigured - ShareRebalancer.TIE;
            boolean gaveNow = shares[slot] < before[slot] - ShareRebalancer.TIE;
            boolean normal = latencyNanos[slot] <= normalLatency || normalLatency == 0;
            quiet[slot] = usable[slot] && underShare && !gaveNow && normal ? quiet[slot] + 1 : 0;
            if (quiet[slot] >= parameters.relaxIntervals()) {
                double wanted = Math.min(configured[slot] - shares[slot], configured[slot] * parameters.lbChangePercent() / 100.0);
                moved |= giveBack(shares, configured, usable, slot, wanted);
            }
        }
        return moved;
    }

    /** Moves up to {@code wanted} to {@code slot} from the usable paths above their configured share. */
    private static boolean giveBack(double[] shares, int[] configured, boolean[] usable, int slot, double wanted) {
        double excess = 0;
        for (int donor = 0; donor < shares.length; donor++) {
            if (usable[donor] && donor != slot) {
                excess += Math.max(0, shares[donor] - configured[donor]);
            }
        }
        double amount = Math.min(wanted, excess);
        if (amount <= ShareRebalancer.TIE) {
            return false;
        }
        for (int donor = 0; donor < shares.length; donor++) {
            if (usable[donor] && donor != slot) {
                shares[donor] -= amount * Math.max(0, shares[donor] - configured[donor]) / excess;
            }
        }
        shares[slot] += amount;
        return true;
    }

    /** The mean of the measured (non-zero) latencies of the usable paths; 0 when none is measured. */
    static double meanLatency(long[] latencyNanos, boolean[] usable) {
        double sum = 0;
        int measured = 0;
        for (int slot = 0; slot < latencyNanos.length; slot++) {
            if (usable[slot] && latencyNanos[slot] > 0) {
                sum += latencyNanos[slot];
                measured++;
            }
        }
        return measured == 0 ? 0 : sum / measured;
    }

    private static double sum(long[] values, boolean[] usable) {
        double sum = 0;
        for (int slot = 0; slot < values.length; slot++) {
            sum += usable[slot] ? values[slot] : 0;
        }
        return sum;
    }

    private static double sum(int[] values, boolean[] usable) {
        double sum = 0;
        for (int slot = 0; slot < values.length; slot++) {
            sum += usable[slot] ? values[slot] : 0;
        }
        return sum;
    }
}
