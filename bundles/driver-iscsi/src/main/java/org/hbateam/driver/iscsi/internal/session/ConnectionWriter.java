package org.hbateam.driver.iscsi.internal.session;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.hbateam.api.path.PathException;
import org.hbateam.driver.iscsi.internal.connection.ControlPdu;
import org.hbateam.driver.iscsi.internal.connection.Outgoing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes a connection's full feature phase PDUs, so that no caller, no reader thread and no
 * timer ever blocks on the socket: a full send buffer (a silently cut link) stalls this connection's writer only.
 * Everyone else {@link #push}es and returns at once.
 *
 * <p>The queue is a lock-free stack of intrusive {@link Outgoing} links: a push is one compare-and-set and
 * allocates nothing for a command; the writer takes the whole stack at once, reverses it into arrival order and
 * writes all of it before it parks. Commands are pushed under the session's send lock right after they get their
 * CmdSN, so arrival order is CmdSN order on the wire. The queue needs no bound of its own: commands are bounded
 * by the task table's slots (and the CmdSN window), Data-Out by one R2T per command, and control PDUs are few
 * (one NOP-Out ping at a time, answers to the target's pings, task management requests, one Logout).
 *
 * <p>One exception saves a wake-up per command in the common case: the connection's own reader thread, running
 * a completion that submits the next command, writes that command itself when nothing is queued or being written
 * ({@link #claimInline}). It may block only on its own socket, whose full send buffer means its own link is dead
 * or congested; never on another path's.
 *
 * <p>When a write fails the connection is failed and the writer ends; whatever it still held is dropped here and
 * failed by the session's end ({@link Session#failAll}), which tells written from unwritten commands exactly.
 */
final class ConnectionWriter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionWriter.class);

    private final AtomicReference<Outgoing> head = new AtomicReference<>();
    private final Session session;
    private final Thread thread;
    private volatile boolean running = true;
    /** Held by whoever writes to the socket: the writer thread for a batch, or the reader for one command. */
    private final AtomicBoolean writing = new AtomicBoolean();
    /** The connection's reader thread: the one that started the writer. */
    private volatile Thread reader;
    /** The writer holds a batch and waits for the reader's inline write to end. */
    private volatile boolean waitingForInline;
    /** The CmdSN the next command written will carry: what immediate PDUs carry. Writer thread only. */
    private int nextCmdSn;

    ConnectionWriter(Session session, int firstCmdSn, String name) {
        this.session = session;
        this.nextCmdSn = firstCmdSn;
        this.thread = new Thread(this::run, "iscsi-" + name + "-writer");
        thread.setDaemon(true);
    }

    /** Called by the connection's reader thread, before it starts reading. */
    void start() {
        reader = Thread.currentThread();
        thread.start();
    }

    /**
     * Claims the socket for the calling thread to write one command itself: only the connection's reader may, and
     * only when nothing is queued or being written. Send lock held, so no later CmdSN can be queued before the
     * claim; the claimer then writes with {@link #writeInline} after releasing the lock.
     */
    boolean claimInline() {
        return Thread.currentThread() == reader && head.get() == null && writing.compareAndSet(false, true);
    }

    /** Writes the command of {@code task} on the claiming thread, then lets the writer go on. */
    void writeInline(Task task) {
        try {
            write(task);
        } catch (IOException | RuntimeException e) {
            failed(e);
        } finally {
            writing.set(false);
            if (waitingForInline) {
                LockSupport.unpark(thread);
            }
        }
    }

    /** Queues {@code item}; wakes the writer when the queue was empty. Never blocks. */
    void push(Outgoing item) {
        Outgoing first;
        do {
            first = head.get();
            item.next = first;
        } while (!head.compareAndSet(first, item));
        if (first == null) {
            LockSupport.unpark(thread);
        }
    }

    /** Stops the writer (the connection has ended) and waits for it up to {@code millis}. */
    void stop(long millis) {
        running = false;
        LockSupport.unpark(thread);
        if (thread.isAlive() && thread != Thread.currentThread()) {
            try {
                thread.join(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try {
            while (running) {
                Outgoing batch = head.getAndSet(null);
                if (batch == null) {
                    LockSupport.parkNanos(this, TimeUnit.SECONDS.toNanos(1));
                } else {
                    Outgoing ordered = reversed(batch);
                    claimForWriter();
                    try {
                        writeAll(ordered);
                    } finally {
                        writing.set(false);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            failed(e);
        }
    }

    /** Waits while the reader writes a command inline: it holds an earlier CmdSN than anything in the batch. */
    private void claimForWriter() {
        while (!writing.compareAndSet(false, true)) {
            waitingForInline = true;
            if (writing.get()) {
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(1));
            }
            waitingForInline = false;
        }
    }

    private void failed(Exception e) {
        if (e instanceof IOException) {
            session.connection.fail(PathException.Reason.TRANSPORT, "sending to " + session.connection.portal()
                    + " failed: " + e.getMessage());
        } else {
            LOG.warn("{}: the writer failed", session.name(), e);
            session.connection.fail(PathException.Reason.TRANSPORT, "the writer failed: " + e);
        }
    }

    /** The batch in the order it was pushed. */
    private static Outgoing reversed(Outgoing newestFirst) {
        Outgoing oldestFirst = null;
        while (newestFirst != null) {
            Outgoing following = newestFirst.next;
            newestFirst.next = oldestFirst;
            oldestFirst = newestFirst;
            newestFirst = following;
        }
        return oldestFirst;
    }

    private void writeAll(Outgoing item) throws IOException {
        while (item != null && running) {
            Outgoing following = item.next;
            item.next = null;
            if (item instanceof Task task) {
                write(task);
            } else {
                ((ControlPdu) item).write(session.connection.writer, nextCmdSn, session.expStatSn);
            }
            item = following;
        }
    }

    /** A task's first turn sends its command; later turns answer its R2T. A finished task sends nothing. */
    private void write(Task task) throws IOException {
        if (!task.written()) {
            session.commands.writeCommand(task);
            nextCmdSn = task.cmdSn + 1;
        } else {
            int ttt = task.r2tTtt;
            int offset = task.r2tOffset;
            int length = task.r2tLength;
            task.r2tTaken();
            session.commands.writeDataOut(task, ttt, offset, length);
        }
    }
}
