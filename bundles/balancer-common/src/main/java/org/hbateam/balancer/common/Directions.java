package org.hbateam.balancer.common;

import org.hbateam.api.scsi.Direction;

/** Maps a command's direction onto the counters and shares that balance it. */
public final class Directions {
    private Directions() {
    }

    /**
     * The direction whose shares and counters place a command. Commands without data (TEST UNIT READY and
     * the like) move no bytes, so they are placed with the read shares, where they cannot skew anything.
     */
    public static Direction balanced(Direction direction) {
        return direction == Direction.WRITE ? Direction.WRITE : Direction.READ;
    }
}
