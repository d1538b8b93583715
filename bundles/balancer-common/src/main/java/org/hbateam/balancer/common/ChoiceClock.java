package org.hbateam.balancer.common;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.hbateam.api.scsi.Direction;

/**
 * Remembers, per direction, when each slot was last chosen, so ties go to the least recently chosen slot
 * ([0023] allows "the data path that has not recently been selected").
 *
 * <p>Lock-free and allocation-free. The clock is advanced with opaque reads and writes rather than an atomic
 * increment: two selections racing may stamp the same tick, which only makes a later tie fall back to the
 * lower slot. That costs nothing in correctness and saves a locked instruction on every selection.
 * A clock is sized for one {@link org.hbateam.api.balancer.PathSet}; a slot beyond its size reads as never
 * chosen, so a selection racing with a membership change still works.
 */
public final class ChoiceClock {
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLongArray readChoices;
    private final AtomicLongArray writeChoices;

    /** A clock for {@code slots} slots, none chosen yet. */
    public ChoiceClock(int slots) {
        readChoices = new AtomicLongArray(slots);
        writeChoices = new AtomicLongArray(slots);
    }

    /** The tick at which {@code slot} was last chosen for {@code direction}; 0 when never or out of range. */
    public long lastChosen(int slot, Direction direction) {
        AtomicLongArray choices = choices(direction);
        return slot < choices.length() ? choices.getOpaque(slot) : 0L;
    }

    /** Records that {@code slot} was just chosen for {@code direction}. */
    public void chose(int slot, Direction direction) {
        AtomicLongArray choices = choices(direction);
        if (slot < choices.length()) {
            long now = ticks.getOpaque() + 1;
            ticks.setOpaque(now);
            choices.setOpaque(slot, now);
        }
    }

    private AtomicLongArray choices(Direction direction) {
        return direction == Direction.WRITE ? writeChoices : readChoices;
    }
}
