package org.hbateam.driver.iscsi.internal.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.hbateam.api.scsi.ScsiCommand;

/**
 * Commands waiting for the CmdSN window to open or a task slot to free, in submission order. Every
 * method except {@link #isEmptyHint} runs under the session's send lock.
 */
final class WaitQueue {
    private final ArrayDeque<Task> tasks = new ArrayDeque<>();
    private volatile int size;

    void add(Task task) {
        tasks.add(task);
        size = tasks.size();
    }

    boolean isEmpty() {
        return tasks.isEmpty();
    }

    Task peek() {
        return tasks.peek();
    }

    Task poll() {
        Task task = tasks.poll();
        size = tasks.size();
        return task;
    }

    /**
     * True when nothing waits, read without the lock. It only saves taking the lock on every completion:
     * a submit that queues publishes the size under the lock, and the completion or window update that
     * follows it sees it.
     */
    boolean isEmptyHint() {
        return size == 0;
    }

    /** Takes every waiting task out. */
    List<Task> drain() {
        List<Task> all = new ArrayList<>(tasks);
        tasks.clear();
        size = 0;
        return all;
    }

    /** Takes {@code task} out; true when it was waiting. */
    boolean remove(Task task) {
        boolean removed = tasks.remove(task);
        size = tasks.size();
        return removed;
    }

    /** The waiting task carrying {@code command}, or null. */
    Task find(ScsiCommand command) {
        for (Task task : tasks) {
            if (task.command == command) {
                return task;
            }
        }
        return null;
    }
}
