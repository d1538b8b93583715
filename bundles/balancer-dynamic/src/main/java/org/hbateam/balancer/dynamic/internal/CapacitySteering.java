package org.hbateam.balancer.dynamic.internal;

/**
 * The capacity mode's tick for one direction: shares steered by measured latency, not by bytes.
 *
 * <p>Each usable path that completed commands in the interval has a latency {@code L}; the share-weighted
 * mean is {@code M}. The path's target share is its share times {@code M / L}, scaled so the targets keep the
 * participants' sum, and the share moves {@code LBChange%} of the way to it per tick. A path slower than the
 * mean loses share and a faster one gains, until the latencies meet. Why that finds the capacity: on a
 * saturated link the latency grows with the work queued on it, so equal latencies mean each link holds work
 * in proportion to its service rate, and carries bytes in that proportion. The same holds for an adapter
 * that another team keeps busy: its latency shows the foreign queue, as its bytes do for FIG. 5.
 *
 * <p>No path is steered below {@link #FLOOR_FRACTION} of the participants' sum: a path with no traffic has no
 * fresh latency, and would never be seen to recover (service-time's starvation). A path without a measured
 * latency in the interval, or not usable, keeps its share and takes no part.
 */
final class CapacitySteering {
    /** The least share, as a fraction of the participants' sum, a path keeps so its latency stays measured. */
    static final double FLOOR_FRACTION = 0.02;

    private CapacitySteering() {
    }

    /** Applies one tick to {@code shares} in place. Returns the largest move, in share points. */
    static double steer(double[] shares, long[] bytes, long[] latencyNanos, boolean[] usable, double lbChangePercent) {
        boolean[] measured = new boolean[shares.length];
        double weight = 0;
        double weightedLatency = 0;
        int participants = 0;
        for (int slot = 0; slot < shares.length; slot++) {
            measured[slot] = usable[slot] && bytes[slot] > 0 && latencyNanos[slot] > 0;
            if (measured[slot]) {
                weight += shares[slot];
                weightedLatency += shares[slot] * latencyNanos[slot];
                participants++;
            }
        }
        if (participants < 2 || weight <= 0) {
            return 0; // nothing to compare
        }
        double[] target = targets(shares, latencyNanos, measured, weight, weightedLatency / weight);
        double largest = 0;
        for (int slot = 0; slot < shares.length; slot++) {
            if (measured[slot]) {
                double move = (target[slot] - shares[slot]) * lbChangePercent / 100.0;
                shares[slot] += move;
                largest = Math.max(largest, Math.abs(move));
            }
        }
        return largest;
    }

    /** Each participant's share times mean/own latency, floored, scaled to {@code weight}. */
    private static double[] targets(double[] shares, long[] latencyNanos, boolean[] measured, double weight, double mean) {
        double[] target = new double[shares.length];
        double raw = 0;
        for (int slot = 0; slot < shares.length; slot++) {
            if (measured[slot]) {
                target[slot] = Math.max(shares[slot], FLOOR_FRACTION * weight) * mean / latencyNanos[slot];
                raw += target[slot];
            }
        }
        double floor = FLOOR_FRACTION * weight;
        double scaled = 0;
        for (int slot = 0; slot < shares.length; slot++) {
            if (measured[slot]) {
                target[slot] = Math.max(floor, target[slot] * weight / raw);
                scaled += target[slot];
            }
        }
        for (int slot = 0; slot < shares.length; slot++) {
            target[slot] *= measured[slot] ? weight / scaled : 0; // the floor may have added a little: keep the sum
        }
        return target;
    }
}
