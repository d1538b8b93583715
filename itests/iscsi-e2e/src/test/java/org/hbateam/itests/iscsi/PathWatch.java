package org.hbateam.itests.iscsi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Polls named views of paths every few milliseconds on its own thread and records every change with its time,
 * so a test can assert that a path stayed as it was for a whole fault, not only at its end.
 */
final class PathWatch implements AutoCloseable {
    private static final long POLL_MILLIS = 5;

    private final Map<String, Supplier<String>> views = new LinkedHashMap<>();
    private final ConcurrentLinkedQueue<String> changes = new ConcurrentLinkedQueue<>();
    private final long startedNanos = System.nanoTime();
    private final Thread thread;
    private volatile boolean running = true;

    /** Starts watching {@code views} (name to a view of the current state). */
    PathWatch(Map<String, Supplier<String>> views) {
        this.views.putAll(views);
        this.thread = new Thread(this::run, "path-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        Map<String, String> last = new LinkedHashMap<>();
        views.forEach((name, view) -> last.put(name, look(view)));
        while (running) {
            views.forEach((name, view) -> {
                String now = look(view);
                String before = last.put(name, now);
                if (!Objects.equals(before, now)) {
                    changes.add("+" + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos) + " ms " + name
                            + ": " + before + " -> " + now);
                }
            });
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** A view that throws (a path gone from its team, say) is a state too. */
    private static String look(Supplier<String> view) {
        try {
            return view.get();
        } catch (RuntimeException | AssertionError e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /** Every change seen so far, oldest first. */
    List<String> changes() {
        return new ArrayList<>(changes);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(5));
    }
}
