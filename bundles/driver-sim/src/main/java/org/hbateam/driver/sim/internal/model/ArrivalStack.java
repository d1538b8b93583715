package org.hbateam.driver.sim.internal.model;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Commands that arrived at an adapter and are not yet seen by its scheduler thread: a lock-free (Treiber)
 * stack linked through {@link SimCommand#nextArrival}, so that an arrival allocates no queue node. Any thread
 * pushes; whoever takes gets the whole stack at once, oldest first, and owns those commands.
 */
final class ArrivalStack {
    private final AtomicReference<SimCommand> newest = new AtomicReference<>();

    void push(SimCommand command) {
        SimCommand top;
        do {
            top = newest.get();
            command.nextArrival = top;
        } while (!newest.compareAndSet(top, command));
    }

    /** Empties the stack; returns its commands oldest first, linked through nextArrival (null when empty). */
    SimCommand takeAll() {
        SimCommand oldestFirst = null;
        for (SimCommand c = newest.getAndSet(null); c != null; ) {
            SimCommand older = c.nextArrival;
            c.nextArrival = oldestFirst;
            oldestFirst = c;
            c = older;
        }
        return oldestFirst;
    }
}
