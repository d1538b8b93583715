package org.hbateam.api.path;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.hbateam.api.scsi.ScsiCommand;
import org.junit.jupiter.api.Test;

class PathStateListenersTest {
    private final PathStateListeners listeners = new PathStateListeners();
    private final List<String> told = new ArrayList<>();

    @Test
    void aListenerThatThrowsDoesNotKeepTheOthersFromBeingTold() {
        listeners.add((path, state, reason) -> {
            throw new IllegalStateException("listener bug");
        });
        listeners.add((path, state, reason) -> told.add(path.id() + " " + state + " " + reason));

        listeners.tell(new NamedPath("p1"), PathState.DOWN, "cut");

        assertEquals(List.of("p1 DOWN cut"), told);
    }

    @Test
    void aListenerRemovedDuringTheAnnouncementIsNotToldAnymore() {
        PathStateListener second = (path, state, reason) -> told.add("second");
        listeners.add((path, state, reason) -> {
            told.add("first");
            listeners.remove(second);
        });
        listeners.add(second);

        listeners.tell(new NamedPath("p1"), PathState.UP, "back");

        assertEquals(List.of("first"), told);
    }

    @Test
    void aRemovedListenerIsNeverToldAndAddingTwiceTellsOnce() {
        PathStateListener counting = (path, state, reason) -> told.add(state.name());
        listeners.add(counting);
        listeners.add(counting);
        listeners.tell(new NamedPath("p1"), PathState.DEGRADED, "slow");
        listeners.remove(counting);
        listeners.tell(new NamedPath("p1"), PathState.UP, "fast");

        assertEquals(List.of("DEGRADED"), told);
    }

    /** Only the id matters here: it names the path in the warning about a throwing listener. */
    private record NamedPath(String id) implements DataPath {
        @Override public String adapterId() { return "a"; }
        @Override public String target() { return "t"; }
        @Override public long lun() { return 0; }
        @Override public String luIdentity() { return "lu"; }
        @Override public PathState state() { return PathState.UP; }
        @Override public void submit(ScsiCommand command, CommandCallback callback) { }
        @Override public CompletionStage<Void> abort(ScsiCommand command) { return CompletableFuture.completedFuture(null); }
        @Override public void addStateListener(PathStateListener listener) { }
        @Override public void removeStateListener(PathStateListener listener) { }
    }
}
