package org.hbateam.driver.sim.internal.model;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.ScsiCommand;
import org.junit.jupiter.api.Test;

class ArrivalStackTest {
    private static SimCommand command() {
        return new SimCommand(null, ScsiCommand.noData(Cdb.testUnitReady()), null);
    }

    @Test
    void takeAllGivesTheCommandsOldestFirstAndEmptiesTheStack() {
        ArrivalStack stack = new ArrivalStack();
        SimCommand first = command();
        SimCommand second = command();
        SimCommand third = command();
        stack.push(first);
        stack.push(second);
        stack.push(third);

        SimCommand taken = stack.takeAll();

        assertSame(first, taken, "the oldest arrival comes first");
        assertSame(second, taken.nextArrival, "then the second");
        assertSame(third, taken.nextArrival.nextArrival, "then the newest");
        assertNull(third.nextArrival, "and the list ends there");
        assertNull(stack.takeAll(), "the stack is empty after taking all");
    }

    @Test
    void anEmptyStackGivesNothing() {
        assertNull(new ArrivalStack().takeAll(), "nothing arrived, nothing to take");
    }
}
