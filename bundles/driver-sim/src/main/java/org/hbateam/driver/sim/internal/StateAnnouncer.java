package org.hbateam.driver.sim.internal;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;
import org.hbateam.api.path.DataPath;
import org.hbateam.api.path.PathState;
import org.hbateam.api.path.PathStateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a path's listeners about each change of its state, once per change and in order. One thread
 * announces at a time (a work-in-progress counter, like the adapter's), and it always announces the
 * path's state as it is now, so racing fault changes can never leave the listeners believing a stale state.
 * No lock is held while a listener runs: listeners (the failover service) take their own locks and may add
 * or remove listeners from inside the call. A listener removed while an announcement is under way is
 * skipped if the announcement has not reached it yet.
 */
final class StateAnnouncer {
    private static final Logger LOG = LoggerFactory.getLogger(StateAnnouncer.class);

    private final DataPath path;
    private final Set<PathStateListener> listeners = new CopyOnWriteArraySet<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile String latestReason = "";
    /** The state last announced; touched only by the one announcing thread. */
    private PathState reported;

    StateAnnouncer(DataPath path, PathState initial) {
        this.path = path;
        this.reported = initial;
    }

    void add(PathStateListener listener) {
        listeners.add(listener);
    }

    void remove(PathStateListener listener) {
        listeners.remove(listener);
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
                tell(now, latestReason);
            }
            missed = requests.addAndGet(-missed);
        } while (missed != 0);
    }

    private void tell(PathState state, String reason) {
        for (PathStateListener listener : listeners) {
            if (!listeners.contains(listener)) {
                continue;
            }
            try {
                listener.pathStateChanged(path, state, reason);
            } catch (RuntimeException e) {
                LOG.warn("State listener on {} threw", path.id(), e);
            }
        }
    }
}
