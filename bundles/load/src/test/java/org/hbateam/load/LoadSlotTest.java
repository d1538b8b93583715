package org.hbateam.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** A slot's watch over the command it has outstanding at some moment (a fault, in the benchmarks). */
class LoadSlotTest {
    private static final int BLOCK = 4096;

    @Test
    void aSlotBetweenCompletionAndNextSubmissionHasNothingStuck() {
        LoadSlot slot = new LoadSlot(0, BLOCK, new SplittableRandom(1));
        assertFalse(slot.watchOutstanding(), "a slot that never submitted has nothing in flight");
        slot.submitting();
        slot.completed(System.nanoTime());
        assertFalse(slot.watchOutstanding(), "a slot whose command completed has nothing in flight");
    }

    @Test
    void recordsTheWatchedCommandsOwnCompletionTime() {
        LoadSlot slot = new LoadSlot(1, BLOCK, new SplittableRandom(2));
        slot.submitting();
        assertTrue(slot.watchOutstanding(), "the slot has its command in flight");
        assertEquals(0, slot.watchedCompletedNanos(), "not completed yet");
        long at = System.nanoTime();
        slot.completed(at);
        assertEquals(at, slot.watchedCompletedNanos(), "the completion's own time is recorded");
        slot.completed(at + 5); // a later command of the same slot must not move the watched time
        assertEquals(at, slot.watchedCompletedNanos(), "only the watched command's completion counts");
    }
}
