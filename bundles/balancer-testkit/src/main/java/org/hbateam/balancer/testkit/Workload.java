package org.hbateam.balancer.testkit;

import java.util.SplittableRandom;

import org.hbateam.api.balancer.Balancer;
import org.hbateam.api.scsi.Direction;

/**
 * Drives a balancer the way a team does, without I/O: select a slot, then count the bytes on it.
 * Commands are a seeded mix of reads and writes of 512 B to 256 KiB, so runs are reproducible.
 */
public final class Workload {
    private final Balancer balancer;
    private final FakePathSet paths;
    private final SplittableRandom random;
    private int unusableSelections;
    private int noPathSelections;

    /** A workload on {@code balancer} over {@code paths}, seeded with {@code seed}. */
    public Workload(Balancer balancer, FakePathSet paths, long seed) {
        this.balancer = balancer;
        this.paths = paths;
        this.random = new SplittableRandom(seed);
    }

    /** Runs {@code commands} mixed-size commands, half reads and half writes. */
    public Workload run(int commands) {
        for (int i = 0; i < commands; i++) {
            Direction direction = random.nextBoolean() ? Direction.READ : Direction.WRITE;
            long bytes = 512L * (1 + random.nextInt(512));
            one(direction, bytes);
        }
        return this;
    }

    /** Sends one command; returns the chosen slot or {@link Balancer#NO_PATH}. */
    public int one(Direction direction, long bytes) {
        int slot = balancer.select(paths, direction, bytes);
        if (slot == Balancer.NO_PATH) {
            noPathSelections++;
            return slot;
        }
        if (!paths.usable(slot)) {
            unusableSelections++;
        }
        paths.dispatched(slot, direction, bytes);
        balancer.started(paths, slot, direction, bytes);
        return slot;
    }

    /** Selections that returned a slot that was not usable: always 0 for a correct balancer. */
    public int unusableSelections() {
        return unusableSelections;
    }

    /** Selections that returned {@link Balancer#NO_PATH}. */
    public int noPathSelections() {
        return noPathSelections;
    }

    /** The percentage of the window's {@code direction} bytes that {@code slot} carried. */
    public double windowPercent(int slot, Direction direction) {
        long total = 0;
        for (int other = 0; other < paths.size(); other++) {
            total += paths.windowBytes(other, direction);
        }
        return total == 0 ? 0.0 : 100.0 * paths.windowBytes(slot, direction) / total;
    }
}
