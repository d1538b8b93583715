package org.hbateam.balancer.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hbateam.api.scsi.Direction;
import org.junit.jupiter.api.Test;

class ChoiceClockTest {
    @Test
    void laterChoicesCarryLaterStamps() {
        ChoiceClock clock = new ChoiceClock(3);
        clock.chose(2, Direction.READ);
        clock.chose(0, Direction.READ);
        assertTrue(clock.lastChosen(2, Direction.READ) < clock.lastChosen(0, Direction.READ),
            "slot 2 was chosen before slot 0");
        assertEquals(0L, clock.lastChosen(1, Direction.READ), "slot 1 was never chosen");
    }

    @Test
    void choosingTheNewestSlotAgainKeepsTheOrder() {
        ChoiceClock clock = new ChoiceClock(2);
        clock.chose(0, Direction.WRITE);
        clock.chose(1, Direction.WRITE);
        clock.chose(1, Direction.WRITE);
        assertTrue(clock.lastChosen(0, Direction.WRITE) < clock.lastChosen(1, Direction.WRITE),
            "slot 0 is still the least recently chosen");
    }

    @Test
    void directionsAreSeparateAndOutOfRangeSlotsReadAsNeverChosen() {
        ChoiceClock clock = new ChoiceClock(1);
        clock.chose(0, Direction.READ);
        clock.chose(5, Direction.READ);
        assertEquals(0L, clock.lastChosen(0, Direction.WRITE), "a read choice does not stamp writes");
        assertEquals(0L, clock.lastChosen(5, Direction.READ), "a slot beyond the clock's size reads as never chosen");
        assertTrue(clock.lastChosen(0, Direction.READ) > 0, "the read choice was stamped");
    }
}
