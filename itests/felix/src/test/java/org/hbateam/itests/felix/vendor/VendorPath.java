package org.hbateam.itests.felix.vendor;

import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import org.hbateam.api.path.CommandCallback;
import org.hbateam.api.path.DataPath;
import org.hbateam.api.path.PathException;
import org.hbateam.api.path.PathState;
import org.hbateam.api.path.PathStateListener;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;

/**
 * The data path of the test's "vendor" driver: its own adapter reaching a logical unit the simulated driver
 * serves, by handing each command to the simulated path of that unit (the vendor's link is the simulated one).
 * On {@link #close()} it behaves as a driver that is stopping must: it refuses new commands with PATH_REMOVED
 * and aborts those it holds, so that none of them can reach the medium after the failover service has sent
 * it again on another path.
 */
final class VendorPath implements DataPath {
    private final DataPath link;
    private final String id;
    private final String adapter;
    private final Map<PathStateListener, PathStateListener> listeners = new ConcurrentHashMap<>();
    private final Set<ScsiCommand> held = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    VendorPath(DataPath link, String adapter) {
        this.link = link;
        this.adapter = adapter;
        this.id = "vendor:" + adapter + ":" + link.target() + ":" + link.lun();
    }

    @Override public String id() { return id; }
    @Override public String adapterId() { return adapter; }
    @Override public String target() { return link.target(); }
    @Override public long lun() { return link.lun(); }
    @Override public String luIdentity() { return link.luIdentity(); }

    @Override
    public PathState state() {
        return closed ? PathState.DOWN : link.state();
    }

    @Override
    public void submit(ScsiCommand command, CommandCallback callback) {
        held.add(command);
        // The add must be visible before closed is read: the other half of the handshake with close().
        VarHandle.fullFence();
        if (closed) {
            if (held.remove(command)) {
                callback.failed(command, new PathException(PathException.Reason.PATH_REMOVED, "vendor path " + id + " is gone"));
            }
            return;
        }
        link.submit(command, new CommandCallback() {
            @Override
            public void completed(ScsiCommand c, ScsiResult result) {
                held.remove(c);
                callback.completed(c, result);
            }

            @Override
            public void failed(ScsiCommand c, PathException error) {
                held.remove(c);
                callback.failed(c, error);
            }
        });
    }

    @Override
    public CompletionStage<Void> abort(ScsiCommand command) {
        return link.abort(command);
    }

    /** The link's state changes are this path's, reported as coming from this path. */
    @Override
    public void addStateListener(PathStateListener listener) {
        PathStateListener relay = (path, state, reason) -> listener.pathStateChanged(this, state, reason);
        if (listeners.putIfAbsent(listener, relay) == null) {
            link.addStateListener(relay);
        }
    }

    @Override
    public void removeStateListener(PathStateListener listener) {
        PathStateListener relay = listeners.remove(listener);
        if (relay != null) {
            link.removeStateListener(relay);
        }
    }

    /** Refuses new commands and aborts the held ones (each is then failed ABORTED, or completes if it already had). */
    void close() {
        closed = true;
        VarHandle.fullFence();
        for (ScsiCommand command : held) {
            link.abort(command);
        }
        listeners.values().forEach(link::removeStateListener);
        listeners.clear();
    }
}
