package org.hbateam.load;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One slot of a {@link QueueDepthLoop}: its reused buffer, its random source, and the sequence numbers of its
 * commands, so that a watcher can learn when the command a slot had outstanding at some moment has completed to
 * the caller. A slot has at most one command outstanding, and its next command is submitted only after the
 * previous one completed, so each counter has one writer at a time and needs no lock: the completion that
 * submits the next command orders the two.
 */
public final class LoadSlot {
    private static final long NONE = Long.MAX_VALUE;

    private final int index;
    private final ByteBuffer buffer;
    private final SplittableRandom random;
    private volatile long submitted;
    private volatile long completed;
    private volatile long watchedSequence = NONE;
    private final AtomicLong watchedCompletedNanos = new AtomicLong();

    LoadSlot(int index, int ioBytes, SplittableRandom random) {
        this.index = index;
        this.buffer = ByteBuffer.allocateDirect(ioBytes);
        this.random = random;
    }

    int index() {
        return index;
    }

    ByteBuffer buffer() {
        return buffer;
    }

    SplittableRandom random() {
        return random;
    }

    /** Called just before the slot's next command is handed to the sink. */
    void submitting() {
        submitted = submitted + 1;
    }

    /** Called when the slot's outstanding command has completed to the caller, well or not, at {@code nanos}. */
    void completed(long nanos) {
        long sequence = completed + 1;
        completed = sequence;
        // Read after the counter's write: either this sees the watch, or watchOutstanding sees the counter.
        if (sequence == watchedSequence) {
            watchedCompletedNanos.compareAndSet(0, nanos);
        }
    }

    /**
     * Starts watching the command outstanding now; false when there is none (the slot is between a completion
     * and its next submission, so every command it submits from now on is new).
     */
    public boolean watchOutstanding() {
        long outstanding = submitted;
        if (completed >= outstanding) {
            return false;
        }
        watchedCompletedNanos.set(0);
        watchedSequence = outstanding;
        if (completed >= outstanding) {
            // It completed while the watch was being set, and its completion may not have seen the watch.
            watchedCompletedNanos.compareAndSet(0, System.nanoTime());
        }
        return true;
    }

    /** When the watched command completed (System.nanoTime), or 0 while it has not. */
    public long watchedCompletedNanos() {
        return watchedCompletedNanos.get();
    }
}
