package org.hbateam.benchmarks.e2e;

import java.util.ArrayList;
import java.util.List;

import org.hbateam.load.LoadSlot;
import org.hbateam.load.QueueDepthLoop;

/**
 * The commands a {@link QueueDepthLoop} had in flight at a fault, and when each completed to its caller (through
 * the failover service's retry, in the failover runs). Watching costs the load nothing but a volatile read per
 * completion: each slot compares its completion's sequence number with the one watched.
 */
final class StuckCommands {
    private final List<LoadSlot> watched;
    private final long faultNanos;

    private StuckCommands(List<LoadSlot> watched, long faultNanos) {
        this.watched = watched;
        this.faultNanos = faultNanos;
    }

    /** Watches every command {@code load} has outstanding now; times are measured from {@code faultNanos}. */
    static StuckCommands watch(QueueDepthLoop load, long faultNanos) {
        List<LoadSlot> watched = new ArrayList<>();
        for (LoadSlot slot : load.slots()) {
            if (slot.watchOutstanding()) {
                watched.add(slot);
            }
        }
        return new StuckCommands(watched, faultNanos);
    }

    int count() {
        return watched.size();
    }

    /** Polls every millisecond until every watched command has completed or {@code deadlineNanos} passes. */
    void await(long deadlineNanos) throws InterruptedException {
        while (unfinished() > 0 && System.nanoTime() - deadlineNanos < 0) {
            Thread.sleep(1);
        }
    }

    int unfinished() {
        return (int) watched.stream().filter(slot -> slot.watchedCompletedNanos() == 0).count();
    }

    /** Milliseconds from the fault to each completed command's completion, in slot order. */
    List<Double> completedMs() {
        List<Double> ms = new ArrayList<>();
        for (LoadSlot slot : watched) {
            long done = slot.watchedCompletedNanos();
            if (done != 0) {
                ms.add((done - faultNanos) / 1e6);
            }
        }
        return ms;
    }
}
