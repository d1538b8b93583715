package org.hbateam.driver.iscsi.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.hbateam.api.path.CommandCallback;
import org.hbateam.api.path.DataPath;
import org.hbateam.api.path.PathException;
import org.hbateam.api.path.PathState;
import org.hbateam.api.path.PathStateListener;
import org.hbateam.api.path.PathStateListeners;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.driver.iscsi.internal.login.Negotiated;
import org.hbateam.driver.iscsi.internal.pdu.Luns;
import org.hbateam.driver.iscsi.internal.session.Session;

/**
 * One data path: an adapter's session to a target portal, and one LUN behind it. Commands go straight to
 * the session's asynchronous core; a path without a live session fails them at once with PATH_DOWN.
 * State changes come from the session's own thread, so they are already ordered.
 */
public final class IscsiPath implements DataPath {
    private final String id;
    private final String adapterId;
    private final String target;
    private final long lun;
    private final long lunField;
    private final String luIdentity;
    private final String luDesignator;
    private final PathStateListeners listeners = new PathStateListeners();
    /** What probe callbacks are given as their command: a probe carries no SCSI command of its own. */
    private final ScsiCommand probeCommand = ScsiCommand.noData(Cdb.testUnitReady());
    private volatile Session session;
    /** The session that carried the path last, kept after it ends: its end is what fences what it carried. */
    private volatile Session lastSession;
    private volatile String sessionId;
    private volatile PathState state = PathState.DOWN;

    IscsiPath(String id, String adapterId, String target, long lun, String luIdentity, String sessionId) {
        this(id, adapterId, target, lun, luIdentity, luIdentity, sessionId);
    }

    IscsiPath(String id, String adapterId, String target, long lun, String luIdentity, String luDesignator,
              String sessionId) {
        this.id = id;
        this.luDesignator = luDesignator;
        this.adapterId = adapterId;
        this.target = target;
        this.lun = lun;
        this.lunField = Luns.field(lun);
        this.luIdentity = luIdentity;
        this.sessionId = sessionId;
    }

    /** The service properties the DataPath contract asks for. */
    Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>(Map.of(PATH_ID, id, ADAPTER_ID, adapterId, TARGET, target,
                LUN, lun, LU_IDENTITY, luIdentity, SESSION_ID, sessionId));
        if (!luDesignator.equals(luIdentity)) {
            properties.put(LU_DESIGNATOR, luDesignator);
        }
        return properties;
    }

    /** The session carries this path now. Returns true when the session id changed. */
    boolean attach(Session newSession, String newSessionId) {
        boolean changed = !newSessionId.equals(sessionId);
        sessionId = newSessionId;
        session = newSession;
        lastSession = newSession;
        setState(PathState.UP, "logged in");
        return changed;
    }

    /** The session ended. */
    void detach(String reason) {
        session = null;
        setState(PathState.DOWN, reason);
    }

    private void setState(PathState newState, String reason) {
        if (state == newState) {
            return;
        }
        state = newState;
        listeners.tell(this, newState, reason);
    }

    @Override
    public void submit(ScsiCommand command, CommandCallback callback) {
        Session current = session;
        if (current == null || state == PathState.DOWN) {
            callback.failed(command, new PathException(PathException.Reason.PATH_DOWN, "path " + id + " is down"));
            return;
        }
        current.submit(lunField, command, callback);
    }

    /** A NOP-Out ping rather than TEST UNIT READY: no data, no UNIT ATTENTION, answered by the target's iSCSI layer. */
    @Override
    public void probe(CommandCallback callback) {
        Session current = session;
        if (current == null || state == PathState.DOWN) {
            callback.failed(probeCommand, new PathException(PathException.Reason.PATH_DOWN, "path " + id + " is down"));
            return;
        }
        current.probe(probeCommand, callback);
    }

    /**
     * The fence of {@code command}: the session's answer to its abort (confirmed, or the command known ended),
     * or, when the session cannot tell because the command died with it, the proof that the session is gone at
     * the target (its reinstatement), whichever comes first. A path that never had a session never sent it.
     */
    @Override
    public CompletionStage<Void> abort(ScsiCommand command) {
        Session last = lastSession;
        if (last == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletionStage<Void> known = last.abort(command);
        return known == null ? last.gone() : known.applyToEither(last.gone(), v -> v);
    }

    /** The operational parameters of the session carrying the path now, or null while it is down. */
    public Negotiated parameters() {
        Session current = session;
        return current == null ? null : current.parameters();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String adapterId() {
        return adapterId;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public long lun() {
        return lun;
    }

    @Override
    public String luIdentity() {
        return luIdentity;
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    @Override
    public PathState state() {
        return state;
    }

    @Override
    public void addStateListener(PathStateListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeStateListener(PathStateListener listener) {
        listeners.remove(listener);
    }

    @Override
    public String toString() {
        return "iSCSI path " + id + " (" + state + ")";
    }
}
