package org.hbateam.balancer.common;

import java.util.concurrent.atomic.AtomicLongArray;

import org.hbateam.api.scsi.Direction;

/**
 * Remembers, per direction, when each slot was last chosen, so ties go to the least recently chosen slot
 * ([0023] allows "the data path that has not recently been selected").
 *
 * <p>Lock-free and allocation-free, and kept cheap because every selection stamps it:
 * <ul>
 * <li>Per direction, one array holds the direction's clock (index 0) and the slots' stamps (index slot + 1),
 *     so a stamp usually touches one cache line, not two.</li>
 * <li>The clock is advanced with opaque reads and writes rather than an atomic increment. Two selections
 *     racing may stamp the same tick, which only makes a later tie fall back to the lower slot.</li>
 * <li>Choosing the slot that already holds the newest stamp again writes nothing: the order of the slots
 *     does not change, and a path that takes most commands (a large share) does not make every selection
 *     write shared memory.</li>
 * </ul>
 * A clock is sized for one {@link org.hbateam.api.balancer.PathSet}; a slot beyond its size reads as never
 * chosen, so a selection racing with a membership change still works.
 */
public final class ChoiceClock {
    private static final int CLOCK = 0;

    private final AtomicLongArray reads;
    private final AtomicLongArray writes;

    /** A clock for {@code slots} slots, none chosen yet (stamp 0). */
    public ChoiceClock(int slots) {
        reads = new AtomicLongArray(slots + 1);
        writes = new AtomicLongArray(slots + 1);
    }

    /** The tick at which {@code slot} was last chosen for {@code direction}; 0 when never or out of range. */
    public long lastChosen(int slot, Direction direction) {
        AtomicLongArray stamps = stamps(direction);
        return slot + 1 < stamps.length() ? stamps.getOpaque(slot + 1) : 0L;
    }

    /** Records that {@code slot} was just chosen for {@code direction}. */
    public void chose(int slot, Direction direction) {
        AtomicLongArray stamps = stamps(direction);
        if (slot + 1 >= stamps.length()) {
            return;
        }
        long now = stamps.getOpaque(CLOCK);
        if (now != 0 && stamps.getOpaque(slot + 1) == now) {
            return; // already the most recently chosen: nothing to record
        }
        stamps.setOpaque(CLOCK, now + 1);
        stamps.setOpaque(slot + 1, now + 1);
    }

    private AtomicLongArray stamps(Direction direction) {
        return direction == Direction.WRITE ? writes : reads;
    }
}
