package org.hbateam.driver.iscsi.internal.session;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import org.hbateam.api.path.CommandCallback;
import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SCSI command in the driver's hands. Its callback runs exactly once: {@link #complete} and
 * {@link #fail} race through one compare-and-set, and only the winner calls back.
 */
final class Task {
    private static final Logger LOG = LoggerFactory.getLogger(Task.class);
    private static final AtomicIntegerFieldUpdater<Task> FINISHED =
            AtomicIntegerFieldUpdater.newUpdater(Task.class, "finished");

    final ScsiCommand command;
    final CommandCallback callback;
    /** The 8-byte LUN field of the PDUs. */
    final long lunField;
    /**
     * A view of the caller's data region. The reader thread moves it for Data-In; writers under the send
     * lock move it for Data-Out; a task is never both.
     */
    final ByteBuffer view;
    /** Set when the task is sent (under the send lock). */
    int itt;
    int cmdSn;
    int slot = -1;
    private volatile int finished;

    Task(ScsiCommand command, CommandCallback callback, long lunField) {
        this.command = command;
        this.callback = callback;
        this.lunField = lunField;
        this.view = command.transferLength() == 0 ? null : command.dataView();
    }

    /** Delivers the target's answer, unless the task already finished. */
    void complete(ScsiResult result) {
        if (FINISHED.compareAndSet(this, 0, 1)) {
            try {
                callback.completed(command, result);
            } catch (RuntimeException e) {
                LOG.warn("a command callback threw; the driver carries on", e);
            }
        }
    }

    /** Delivers a path error, unless the task already finished. */
    void fail(PathException error) {
        if (FINISHED.compareAndSet(this, 0, 1)) {
            try {
                callback.failed(command, error);
            } catch (RuntimeException e) {
                LOG.warn("a command callback threw; the driver carries on", e);
            }
        }
    }

    /** Points the data view at {@code [offset, offset + length)}. */
    ByteBuffer region(int offset, int length) {
        view.limit(offset + length).position(offset);
        return view;
    }
}
