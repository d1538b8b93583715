package org.hbateam.driver.sim.internal.model;

import java.util.concurrent.atomic.AtomicInteger;
import org.hbateam.api.path.DataPath;
import org.hbateam.api.path.PathState;
import org.hbateam.api.path.PathStateListeners;

/**
 * Tells a path's listeners about each change of its state, once per change and in order. One thread
 * announces at a time (a work-in-progress counter, like the adapter's), and it always announces the
 * path's state as it is now, so racing fault changes can never leave the listeners believing a stale state.
 * No lock is held while a listener runs ({@link PathStateListeners}).
 */
final class StateAnnouncer {
    private final DataPath path;
    private final PathStateListeners listeners;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile String latestReason = "";
    /** The state last announced; touched only by the one announcing thread. */
    private PathState reported;

    StateAnnouncer(DataPath path, PathState initial, PathStateListeners listeners) {
        this.path = path;
        this.reported = initial;
        this.listeners = listeners;
    }

    /** The path's state may have changed because of {@code reason}: announce it if it differs from the last. */
    void stateMayHaveChanged(String reason) {
        latestReason = reason;
        if (requests.getAndIncrement() != 0) {
            return; // the thread announcing now will look again
        }
        int missed = 1;
        do {
            PathState now = path.state();
            if (now != reported) {
                reported = now;
                listeners.tell(path, now, latestReason);
            }
            missed = requests.addAndGet(-missed);
        } while (missed != 0);
    }
}
