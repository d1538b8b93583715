package org.hbateam.api.path;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The state listeners of one {@link DataPath}, for a driver to keep behind
 * {@link DataPath#addStateListener} and {@link DataPath#removeStateListener}. Thread-safe; no lock is held
 * while a listener runs, so a listener may take its own locks and add or remove listeners from inside the call.
 */
public final class PathStateListeners {
    private static final System.Logger LOG = System.getLogger(PathStateListeners.class.getName());

    private final Set<PathStateListener> listeners = new CopyOnWriteArraySet<>();

    public void add(PathStateListener listener) {
        listeners.add(listener);
    }

    public void remove(PathStateListener listener) {
        listeners.remove(listener);
    }

    /**
     * Tells every listener that {@code path} is now in {@code state}. A listener that throws is logged and the
     * others are still told; one removed while this call is under way is skipped if it has not been told yet.
     */
    public void tell(DataPath path, PathState state, String reason) {
        for (PathStateListener listener : listeners) {
            if (!listeners.contains(listener)) {
                continue;
            }
            try {
                listener.pathStateChanged(path, state, reason);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a state listener of path " + path.id() + " threw; the others are still told", e);
            }
        }
    }
}
