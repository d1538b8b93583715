package org.hbateam.driver.sim.internal.model;

import java.lang.invoke.VarHandle;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.hbateam.api.path.CommandCallback;
import org.hbateam.api.path.DataPath;
import org.hbateam.api.path.PathException.Reason;
import org.hbateam.api.path.PathState;
import org.hbateam.api.path.PathStateListener;
import org.hbateam.api.path.PathStateListeners;
import org.hbateam.api.scsi.ScsiCommand;

/**
 * One simulated data path: a LUN reached over an adapter. It holds every command it accepted until that
 * command is answered, so that a cut, an abort, a restore or removal can answer each one exactly once.
 *
 * <p>No lock on the command path. Fault changes publish the new {@link FaultState} in a volatile field
 * and then sweep the held commands; submit adds a command and then reads the state again. One of the two
 * always sees the other, so no command slips past a cut or a removal.
 */
public final class SimPath implements DataPath {
    private final String id;
    private final SimAdapter adapter;
    private final SimLun lun;
    private final ScsiEmulator emulator;
    private final Set<SimCommand> held = ConcurrentHashMap.newKeySet();
    private final PathStateListeners listeners = new PathStateListeners();
    private final StateAnnouncer announcer;
    private volatile FaultState ownFault = FaultState.NONE;
    private volatile FaultState mode;
    private volatile boolean removed;

    public SimPath(SimAdapter adapter, SimLun lun, LunCatalog catalog) {
        this.id = lun.pathId(adapter.name());
        this.adapter = adapter;
        this.lun = lun;
        this.emulator = new ScsiEmulator(lun, () -> catalog.lunsBehind(adapter.name(), lun.settings().target()));
        this.mode = FaultState.combine(adapter.fault(), ownFault);
        this.announcer = new StateAnnouncer(this, stateOf(mode), listeners);
    }

    @Override public String id() { return id; }
    @Override public String adapterId() { return adapter.name(); }
    @Override public String target() { return lun.settings().target(); }
    @Override public long lun() { return lun.settings().lun(); }
    @Override public String luIdentity() { return lun.settings().luIdentity(); }

    public SimAdapter adapter() {
        return adapter;
    }

    public SimLun simLun() {
        return lun;
    }

    @Override
    public PathState state() {
        return removed ? PathState.DOWN : stateOf(mode);
    }

    public FaultState ownFault() {
        return ownFault;
    }

    public double slowFactor() {
        return mode.factor();
    }

    @Override
    public void submit(ScsiCommand command, CommandCallback callback) {
        SimCommand c = new SimCommand(this, command, callback);
        if (refused(c)) {
            return;
        }
        held.add(c);
        // The add must be visible before the state is read again: the other half of the handshake with cut/remove.
        VarHandle.fullFence();
        if (refused(c)) {
            return;
        }
        if (mode.isBlackHole()) {
            hold(c);
        } else {
            adapter.enqueue(c);
        }
    }

    /** Fails the command if the path is removed or down; true when it did. */
    private boolean refused(SimCommand c) {
        if (removed) {
            c.fail(Reason.PATH_REMOVED, "path " + id + " is removed");
            return true;
        }
        if (mode.isDown()) {
            c.fail(Reason.PATH_DOWN, "path " + id + " is down");
            return true;
        }
        return false;
    }

    /** Keeps a command unanswered in the black hole, unless the hole closed meanwhile. */
    private void hold(SimCommand c) {
        c.held = true;
        if (!refused(c) && !mode.isBlackHole()) {
            c.fail(Reason.TRANSPORT, "path " + id + " was reset while the command was lost");
        }
    }

    /** The adapter finished servicing a command: answer it, or swallow the answer in a black hole. */
    void serviceDone(SimCommand c) {
        if (mode.isBlackHole()) {
            hold(c);
        } else if (c.claim()) {
            c.complete(emulator.execute(c.command));
        }
    }

    void forget(SimCommand c) {
        held.remove(c);
    }

    int heldCount() {
        return held.size();
    }

    /** Fails the command if it has not started; one being executed is fenced once it has been answered. */
    @Override
    public CompletionStage<Void> abort(ScsiCommand command) {
        for (SimCommand c : held) {
            if (c.command == command) {
                c.fail(Reason.ABORTED, "aborted on path " + id);
                adapter.commandsAnswered();
                return c.settled();
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    public void setFault(FaultState fault, String reason) {
        ownFault = fault;
        refresh(reason);
    }

    /** Recomputes what the path does from its adapter's fault and its own, and acts on the change. */
    public void refresh(String reason) {
        FaultState before;
        FaultState after;
        synchronized (this) {
            before = mode;
            after = FaultState.combine(adapter.fault(), ownFault);
            mode = after;
        }
        if (after.isDown()) {
            failAll(Reason.PATH_DOWN, "path " + id + " is down: " + reason);
        } else if (before.isBlackHole() && !after.isBlackHole()) {
            failHeld(Reason.TRANSPORT, "path " + id + " was reset: " + reason);
        }
        announcer.stateMayHaveChanged(reason);
    }

    /** Takes the path away for good: every command it still holds fails with PATH_REMOVED. */
    public void remove() {
        removed = true;
        failAll(Reason.PATH_REMOVED, "path " + id + " is removed");
    }

    /** Fails every command held; the adapter then frees the slots of those it was servicing. */
    private void failAll(Reason reason, String message) {
        for (SimCommand c : held) {
            c.fail(reason, message);
        }
        adapter.commandsAnswered();
    }

    /** Fails the commands lost in a black hole; they hold no adapter slot. */
    private void failHeld(Reason reason, String message) {
        for (SimCommand c : held) {
            if (c.held) {
                c.fail(reason, message);
            }
        }
    }

    private static PathState stateOf(FaultState mode) {
        return mode.isDown() ? PathState.DOWN : PathState.UP;
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
        return "SimPath[" + id + ", " + state() + "]";
    }
}
