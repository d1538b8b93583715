package org.hbateam.driver.sim.internal;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicReference;
import org.hbateam.api.path.DataPath;
import org.hbateam.api.path.PathState;
import org.hbateam.api.path.PathStateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a path's listeners about each change of its state, once per change. No lock is held while a
 * listener runs: listeners (the failover service) take their own locks and may add or remove listeners
 * from inside the call. A listener removed while an announcement is under way is skipped if the
 * announcement has not reached it yet.
 */
final class StateAnnouncer {
    private static final Logger LOG = LoggerFactory.getLogger(StateAnnouncer.class);

    private final Set<PathStateListener> listeners = new CopyOnWriteArraySet<>();
    private final AtomicReference<PathState> reported;

    StateAnnouncer(PathState initial) {
        this.reported = new AtomicReference<>(initial);
    }

    void add(PathStateListener listener) {
        listeners.add(listener);
    }

    void remove(PathStateListener listener) {
        listeners.remove(listener);
    }

    /** Announces {@code state} unless it is the state last announced. */
    void announce(DataPath path, PathState state, String reason) {
        if (reported.getAndSet(state) == state) {
            return;
        }
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
