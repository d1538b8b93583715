package org.hbateam.driver.iscsi.internal.session;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

import org.hbateam.api.scsi.ScsiCommand;

/**
 * The commands in flight on one connection of a session, in a fixed array of slots. The initiator task tag is a
 * sequence number above the connection's CID above the slot index, so lookups are one array read and a stale tag never finds a reused slot.
 * {@link #add} runs under the session's send lock; lookups and removal are lock-free, and removal is a
 * compare-and-set, so exactly one party (response, abort or failure) takes a task out.
 */
final class TaskTable {
    static final int CAPACITY = 1024;
    private static final int SLOT_BITS = 10;
    /** Bits of the tag that hold the connection's CID, so tags stay unique in a session of several connections. */
    private static final int CID_BITS = 4;
    /** CIDs run from 0 to this, exclusive: each connection of a session needs its own tags. */
    static final int MAX_CONNECTIONS = 1 << CID_BITS;

    private final AtomicReferenceArray<Task> slots = new AtomicReferenceArray<>(CAPACITY);
    private final int cidBits;
    private int cursor;
    private int sequence;

    /** A table for connection {@code cid} (0 to {@link #MAX_CONNECTIONS} - 1) of its session. */
    TaskTable(int cid) {
        if (cid < 0 || cid >= MAX_CONNECTIONS) {
            throw new IllegalArgumentException("a session has at most " + MAX_CONNECTIONS + " connections here, CID was " + cid);
        }
        this.cidBits = cid << SLOT_BITS;
    }

    /** Puts {@code task} in a free slot and gives it a tag; false when every slot is taken. Send lock held. */
    boolean add(Task task) {
        for (int i = 0; i < CAPACITY; i++) {
            int slot = (cursor + i) & (CAPACITY - 1);
            if (slots.get(slot) == null) {
                sequence = (sequence + 1) & 0x1ffff;
                task.slot = slot;
                task.itt = sequence << (SLOT_BITS + CID_BITS) | cidBits | slot;
                slots.set(slot, task);
                cursor = slot + 1;
                return true;
            }
        }
        return false;
    }

    /** The task with tag {@code itt}, or null. Tags with the top bit set are never tasks. */
    Task get(int itt) {
        if (itt < 0) {
            return null;
        }
        Task task = slots.get(itt & (CAPACITY - 1));
        return task != null && task.itt == itt ? task : null;
    }

    /** Takes {@code task} out; true only for the one caller that did. */
    boolean remove(Task task) {
        return task.slot >= 0 && slots.compareAndSet(task.slot, task, null);
    }

    /** The task carrying {@code command}, or null; a scan, for the rare abort. */
    Task find(ScsiCommand command) {
        for (int i = 0; i < CAPACITY; i++) {
            Task task = slots.get(i);
            if (task != null && task.command == command) {
                return task;
            }
        }
        return null;
    }

    /** Takes out every task and hands each to {@code action}. */
    void drain(Consumer<Task> action) {
        for (int i = 0; i < CAPACITY; i++) {
            Task task = slots.getAndSet(i, null);
            if (task != null) {
                action.accept(task);
            }
        }
    }

    /** Takes out every task on {@code lunField} and hands each to {@code action}. */
    void drainLun(long lunField, Consumer<Task> action) {
        for (int i = 0; i < CAPACITY; i++) {
            Task task = slots.get(i);
            if (task != null && task.lunField == lunField && slots.compareAndSet(i, task, null)) {
                action.accept(task);
            }
        }
    }
}
