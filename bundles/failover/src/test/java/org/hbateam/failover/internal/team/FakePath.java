package org.hbateam.failover.internal.team;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.hbateam.api.path.CommandCallback;
import org.hbateam.api.path.DataPath;
import org.hbateam.api.path.PathException;
import org.hbateam.api.path.PathState;
import org.hbateam.api.path.PathStateListener;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;

/**
 * A scriptable data path for unit tests: answers, holds, fails or swallows what it is given. Its failures carry
 * a chosen reason and outcome, its abort returns a fence the test completes (or null), and a shared journal
 * records the order of submits and aborts across paths.
 */
public class FakePath implements DataPath {
    public enum Mode { ANSWER, HOLD, FAIL }

    public record Held(ScsiCommand command, CommandCallback callback) {
    }

    public final String id;
    public final String adapter;
    final String lu;
    final String session;
    public final AtomicInteger submitted = new AtomicInteger();
    public final AtomicInteger probes = new AtomicInteger();
    public final AtomicInteger aborted = new AtomicInteger();
    /** What abort returns: fenced at once unless a test replaces it. */
    public volatile CompletableFuture<Void> fence = CompletableFuture.completedFuture(null);
    /** When true, abort returns null: the driver cannot tell whether the command is dead. */
    public volatile boolean abortGivesNoFence;
    /** How FAIL mode fails a command. */
    volatile PathException.Reason failReason = PathException.Reason.TRANSPORT;
    volatile PathException.Outcome failOutcome = PathException.Outcome.UNKNOWN;
    /** Answers used, in order, before {@link #answer}; lets a test script a target's sequence of answers. */
    public final ConcurrentLinkedQueue<ScsiResult> script = new ConcurrentLinkedQueue<>();
    /** Commands this driver cannot carry (as a CDB longer than 16 bytes): failed with REFUSED at once. */
    public volatile Predicate<ScsiCommand> refuses = command -> false;
    /** Where submits and aborts are recorded ("p1 submit", "p1 abort") when a test sets it; share one between paths. */
    public volatile List<String> journal;
    public final ConcurrentLinkedQueue<Held> held = new ConcurrentLinkedQueue<>();
    public final List<PathStateListener> listeners = new CopyOnWriteArrayList<>();
    public volatile Mode mode = Mode.ANSWER;
    public volatile Mode probeMode = Mode.ANSWER;
    public volatile ScsiResult answer = ScsiResult.GOOD;
    volatile PathState state = PathState.UP;

    public FakePath(String id, String adapter, String lu) {
        this(id, adapter, lu, id);
    }

    public FakePath(String id, String adapter, String lu, String session) {
        this.id = id;
        this.adapter = adapter;
        this.lu = lu;
        this.session = session;
    }

    public Map<String, Object> properties() {
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
        note("submit");
        if (refuses.test(command)) {
            callback.failed(command, new PathException(PathException.Reason.REFUSED, PathException.Outcome.NOT_EXECUTED,
                    "CDB of " + command.cdbLength() + " bytes is longer than " + id + " can carry"));
            return;
        }
        handle(mode, command, callback);
    }

    @Override
    public void probe(CommandCallback callback) {
        probes.incrementAndGet();
        handle(probeMode, null, callback);
    }

    private void handle(Mode how, ScsiCommand command, CommandCallback callback) {
        switch (how) {
            case ANSWER -> callback.completed(command, nextAnswer());
            case FAIL -> callback.failed(command, new PathException(failReason, failOutcome, id + " is cut"));
            case HOLD -> held.add(new Held(command, callback));
        }
    }

    private void note(String call) {
        List<String> j = journal;
        if (j != null) {
            j.add(id + " " + call);
        }
    }

    private ScsiResult nextAnswer() {
        ScsiResult scripted = script.poll();
        return scripted != null ? scripted : answer;
    }

    @Override
    public CompletionStage<Void> abort(ScsiCommand command) {
        aborted.incrementAndGet();
        note("abort");
        return abortGivesNoFence ? null : fence;
    }

    /** Answers every held command with {@code result}; returns how many. */
    public int completeHeld(ScsiResult result) {
        // Only those held now: a command the team sends again meanwhile waits for the next call.
        int n = held.size();
        for (int i = 0; i < n; i++) {
            Held h = held.poll();
            h.callback().completed(h.command(), result);
        }
        return n;
    }

    /** Fails every held command, with the reason's default outcome; returns how many. */
    public int failHeld(PathException.Reason reason) {
        return failHeld(reason, PathException.defaultOutcome(reason));
    }

    /** Fails every held command with the given reason and outcome; returns how many. */
    public int failHeld(PathException.Reason reason, PathException.Outcome outcome) {
        int n = held.size();
        for (int i = 0; i < n; i++) {
            Held h = held.poll();
            h.callback().failed(h.command(), new PathException(reason, outcome, id + " failed"));
        }
        return n;
    }

    /** Changes the reported state and tells the listeners. */
    public void report(PathState newState) {
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
