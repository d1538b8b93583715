package org.hbateam.failover.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.hbateam.api.path.CommandCallback;
import org.hbateam.api.path.DataPath;
import org.hbateam.api.path.PathException;
import org.hbateam.api.path.PathState;
import org.hbateam.api.path.PathStateListener;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;

/** A scriptable data path for unit tests: answers, holds, fails or swallows what it is given. */
class FakePath implements DataPath {
    enum Mode { ANSWER, HOLD, FAIL }

    record Held(ScsiCommand command, CommandCallback callback) {
    }

    final String id;
    final String adapter;
    final String lu;
    final String session;
    final AtomicInteger submitted = new AtomicInteger();
    final AtomicInteger probes = new AtomicInteger();
    final AtomicInteger aborted = new AtomicInteger();
    /** What abort returns: fenced at once unless a test replaces it. */
    volatile CompletableFuture<Void> fence = CompletableFuture.completedFuture(null);
    final ConcurrentLinkedQueue<Held> held = new ConcurrentLinkedQueue<>();
    final List<PathStateListener> listeners = new CopyOnWriteArrayList<>();
    volatile Mode mode = Mode.ANSWER;
    volatile Mode probeMode = Mode.ANSWER;
    volatile ScsiResult answer = ScsiResult.GOOD;
    volatile PathState state = PathState.UP;

    FakePath(String id, String adapter, String lu) {
        this(id, adapter, lu, id);
    }

    FakePath(String id, String adapter, String lu, String session) {
        this.id = id;
        this.adapter = adapter;
        this.lu = lu;
        this.session = session;
    }

    Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>();
        p.put(PATH_ID, id);
        p.put(ADAPTER_ID, adapter);
        p.put(TARGET, "iqn.test:" + lu);
        p.put(LUN, 0L);
        p.put(LU_IDENTITY, lu);
        p.put(SESSION_ID, session);
        return p;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String adapterId() {
        return adapter;
    }

    @Override
    public String target() {
        return "iqn.test:" + lu;
    }

    @Override
    public long lun() {
        return 0;
    }

    @Override
    public String luIdentity() {
        return lu;
    }

    @Override
    public String sessionId() {
        return session;
    }

    @Override
    public PathState state() {
        return state;
    }

    @Override
    public void submit(ScsiCommand command, CommandCallback callback) {
        submitted.incrementAndGet();
        handle(mode, command, callback);
    }

    @Override
    public void probe(CommandCallback callback) {
        probes.incrementAndGet();
        handle(probeMode, null, callback);
    }

    private void handle(Mode how, ScsiCommand command, CommandCallback callback) {
        switch (how) {
            case ANSWER -> callback.completed(command, answer);
            case FAIL -> callback.failed(command, new PathException(PathException.Reason.TRANSPORT, id + " is cut"));
            case HOLD -> held.add(new Held(command, callback));
        }
    }

    @Override
    public CompletionStage<Void> abort(ScsiCommand command) {
        aborted.incrementAndGet();
        return fence;
    }

    /** Answers every held command with {@code result}; returns how many. */
    int completeHeld(ScsiResult result) {
        // Only those held now: a command the team sends again meanwhile waits for the next call.
        int n = held.size();
        for (int i = 0; i < n; i++) {
            Held h = held.poll();
            h.callback().completed(h.command(), result);
        }
        return n;
    }

    /** Fails every held command; returns how many. */
    int failHeld(PathException.Reason reason) {
        int n = held.size();
        for (int i = 0; i < n; i++) {
            Held h = held.poll();
            h.callback().failed(h.command(), new PathException(reason, id + " failed"));
        }
        return n;
    }

    /** Changes the reported state and tells the listeners. */
    void report(PathState newState) {
        state = newState;
        for (PathStateListener l : listeners) {
            l.pathStateChanged(this, newState, "test");
        }
    }

    @Override
    public void addStateListener(PathStateListener listener) {
        if (!listeners.contains(listener)) {
            listeners.add(listener);
        }
    }

    @Override
    public void removeStateListener(PathStateListener listener) {
        listeners.remove(listener);
    }

    @Override
    public String toString() {
        return id;
    }
}
