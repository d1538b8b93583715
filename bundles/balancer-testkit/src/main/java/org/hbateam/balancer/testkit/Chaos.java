package org.hbateam.balancer.testkit;

import java.util.SplittableRandom;

import org.hbateam.api.balancer.Balancer;
import org.hbateam.api.balancer.PathSet;
import org.hbateam.api.scsi.Direction;

/**
 * Random teams and random path failures for property tests, and the invariants every balancer keeps.
 * Failures throw {@link AssertionError} with a message saying what was meant, so any test framework works.
 */
public final class Chaos {
    /** How far a share sum may drift from 100 through floating-point rounding. */
    public static final double EPSILON = 1e-6;

    private Chaos() {
    }

    /** A team of {@code size} paths on {@code adapters} adapters with random shares (some 0) summing to 100. */
    public static FakePathSet randomTeam(SplittableRandom random, int size, int adapters) {
        String[] adapterPerSlot = new String[size];
        for (int slot = 0; slot < size; slot++) {
            adapterPerSlot[slot] = "a" + random.nextInt(Math.max(1, adapters));
        }
        FakePathSet paths = new FakePathSet(adapterPerSlot);
        paths.shares(Direction.READ, randomShares(random, size));
        paths.shares(Direction.WRITE, randomShares(random, size));
        for (int slot = 0; slot < size; slot++) {
            paths.throughput(slot, random.nextInt(4) == 0 ? 0 : 1_000_000L * (1 + random.nextInt(400)));
            paths.inFlight(slot, random.nextInt(8), 4096L * random.nextInt(64));
        }
        return paths;
    }

    /** {@code size} non-negative whole percentages that add up to 100. */
    public static int[] randomShares(SplittableRandom random, int size) {
        int[] shares = new int[size];
        int left = 100;
        for (int slot = 0; slot < size - 1; slot++) {
            shares[slot] = random.nextInt(4) == 0 ? 0 : random.nextInt(left + 1);
            left -= shares[slot];
        }
        shares[size - 1] = left;
        return shares;
    }

    /**
     * Runs {@code steps} rounds of: maybe fail or reinstate a random path (telling the balancer), then a
     * burst of commands; checks after every round that no unusable slot was chosen and the shares hold.
     */
    public static void run(Balancer balancer, FakePathSet paths, SplittableRandom random, int steps, Runnable tick) {
        Workload workload = new Workload(balancer, paths, random.nextLong());
        for (int step = 0; step < steps; step++) {
            int slot = random.nextInt(paths.size());
            if (random.nextInt(3) == 0) {
                flip(balancer, paths, slot);
            }
            int noPathBefore = workload.noPathSelections();
            workload.run(1 + random.nextInt(200));
            tick.run();
            if (workload.unusableSelections() != 0) {
                throw new AssertionError("a failed path was selected " + workload.unusableSelections() + " times");
            }
            if (anyUsable(paths) && workload.noPathSelections() != noPathBefore) {
                throw new AssertionError("NO_PATH returned while a path was usable");
            }
            assertShares(balancer, paths);
        }
    }

    private static void flip(Balancer balancer, FakePathSet paths, int slot) {
        if (paths.usable(slot)) {
            paths.fail(slot);
            balancer.pathFailed(paths, slot);
        } else {
            paths.reinstate(slot);
            balancer.pathReinstated(paths, slot);
        }
    }

    /** True when at least one slot of {@code paths} is usable. */
    public static boolean anyUsable(PathSet paths) {
        for (int slot = 0; slot < paths.size(); slot++) {
            if (paths.usable(slot)) {
                return true;
            }
        }
        return false;
    }

    /** Every share is non-negative, unusable slots show 0, and the shares add up to 100 (0 when none is usable). */
    public static void assertShares(Balancer balancer, PathSet paths) {
        for (Direction direction : new Direction[] {Direction.READ, Direction.WRITE}) {
            double sum = 0;
            for (int slot = 0; slot < paths.size(); slot++) {
                double share = balancer.share(paths, slot, direction);
                if (!(share >= 0)) {
                    throw new AssertionError(direction + " share of slot " + slot + " must not be negative: " + share);
                }
                if (!paths.usable(slot) && share != 0) {
                    throw new AssertionError(direction + " share of failed slot " + slot + " must be 0: " + share);
                }
                sum += share;
            }
            double expected = anyUsable(paths) ? 100.0 : 0.0;
            if (Math.abs(sum - expected) > EPSILON) {
                throw new AssertionError(direction + " shares must add up to " + expected + " but add up to " + sum);
            }
        }
    }
}
