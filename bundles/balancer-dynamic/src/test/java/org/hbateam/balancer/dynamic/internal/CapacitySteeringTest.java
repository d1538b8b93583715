package org.hbateam.balancer.dynamic.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class CapacitySteeringTest {
    private static final boolean[] ALL_THREE = {true, true, true};

    @Test
    void shareFlowsFromTheSlowerPathToTheFasterOneAndKeepsItsSum() {
        double[] shares = {50, 50};
        CapacitySteering.steer(shares, new long[] {10, 10}, new long[] {3_000, 1_000}, new boolean[] {true, true}, 10);
        assertTrue(shares[0] < 50 && shares[1] > 50, "the path three times slower loses share: " + Arrays.toString(shares));
        assertEquals(100, shares[0] + shares[1], 1e-9, "shares keep their sum");
    }

    @Test
    void equalLatenciesMoveNothing() {
        double[] shares = {20, 30, 50};
        assertEquals(0, CapacitySteering.steer(shares, new long[] {1, 1, 1}, new long[] {7, 7, 7}, ALL_THREE, 10), 1e-9,
            "paths that complete alike are in balance whatever their shares");
        assertArrayEquals(new double[] {20, 30, 50}, shares, 1e-9, "nothing moved");
    }

    @Test
    void noPathIsSteeredBelowTheFloor() {
        double[] shares = {50, 50};
        for (int tick = 0; tick < 500; tick++) {
            CapacitySteering.steer(shares, new long[] {1, 1}, new long[] {1_000_000, 1}, new boolean[] {true, true}, 50);
        }
        assertEquals(100 * CapacitySteering.FLOOR_FRACTION, shares[0], 0.05, "a very slow path keeps its floor share, so it is still measured");
    }

    @Test
    void pathsWithoutFreshMeasurementsKeepTheirShare() {
        double[] shares = {20, 40, 40};
        CapacitySteering.steer(shares, new long[] {0, 10, 10}, new long[] {1, 2_000, 1_000}, ALL_THREE, 10);
        assertEquals(20, shares[0], 1e-9, "a path that carried nothing in the interval takes no part");
        assertEquals(80, shares[1] + shares[2], 1e-9, "the others trade among themselves");
    }

    /**
     * Links of 100, 300 and 600 units under a closed load of 32 commands, solved exactly by mean value analysis:
     * equal shares reach 0.3 of the sum (the slow link caps them); 20 ticks of steering reach at least 0.9 of it
     * (0.94 at the fixed point, where the latencies meet).
     */
    @Test
    void unequalLinksReachNinetyPercentOfTheirSum() {
        ClosedLinks links = new ClosedLinks(new double[] {100, 300, 600}, 32);
        double[] shares = {100.0 / 3, 100.0 / 3, 100.0 / 3};
        assertEquals(0.30, links.throughput(shares) / 1000, 0.01, "equal shares: three times the slow link");
        for (int tick = 0; tick < 20; tick++) {
            CapacitySteering.steer(shares, links.bytes(shares), links.latencyNanos(shares), ALL_THREE, 10);
        }
        double fraction = links.throughput(shares) / 1000;
        assertTrue(fraction >= 0.9, "20 ticks of capacity steering should reach 0.9 of the link sum, reached " + fraction
            + " with shares " + Arrays.toString(shares));
    }

    /** FIFO links of the given rates under a closed load, by mean value analysis (unit-size commands). */
    private record ClosedLinks(double[] rates, int commands) {
        double throughput(double[] shares) {
            return solve(shares)[rates.length];
        }

        long[] bytes(double[] shares) {
            double[] solved = solve(shares);
            long[] bytes = new long[rates.length];
            double total = Arrays.stream(shares).sum();
            for (int i = 0; i < rates.length; i++) {
                bytes[i] = Math.round(solved[rates.length] * shares[i] / total * 1000);
            }
            return bytes;
        }

        long[] latencyNanos(double[] shares) {
            double[] solved = solve(shares);
            long[] latency = new long[rates.length];
            for (int i = 0; i < rates.length; i++) {
                latency[i] = Math.round(solved[i] * 1e9);
            }
            return latency;
        }

        /** Per-link residence time per visit, then the throughput, at {@code commands} in flight. */
        private double[] solve(double[] shares) {
            double total = Arrays.stream(shares).sum();
            double[] queue = new double[rates.length];
            double[] residence = new double[rates.length + 1];
            for (int n = 1; n <= commands; n++) {
                double cycle = 0;
                for (int i = 0; i < rates.length; i++) {
                    residence[i] = (1 + queue[i]) / rates[i];
                    cycle += shares[i] / total * residence[i];
                }
                residence[rates.length] = n / cycle;
                for (int i = 0; i < rates.length; i++) {
                    queue[i] = residence[rates.length] * shares[i] / total * residence[i];
                }
            }
            return residence;
        }
    }
}
