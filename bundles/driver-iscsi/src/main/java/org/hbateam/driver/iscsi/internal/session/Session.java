package org.hbateam.driver.iscsi.internal.session;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.hbateam.api.path.CommandCallback;
import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.driver.iscsi.internal.connection.Connection;
import org.hbateam.driver.iscsi.internal.connection.Logout;
import org.hbateam.driver.iscsi.internal.login.LoginResult;
import org.hbateam.driver.iscsi.internal.login.Negotiated;

/**
 * The full feature phase of one logged-in connection of a session: the asynchronous command core. A session
 * of one connection has one of these; a session of several (MC/S) has one per connection, sharing the session's
 * {@link CommandWindow}. {@link #submit} numbers and sends a command, or queues it while the CmdSN window
 * (RFC 7143 4.2.2.1) is closed; the reader thread ({@link Inbound}) completes tasks and reopens the window. It lives
 * for one connection; after a failure the runner logs in again and builds a new one. Every PDU goes out
 * through the connection's {@link ConnectionWriter} thread, so no caller blocks on the socket.
 *
 * <p>Callbacks: every submit ends in exactly one callback. It is NOT invoked while the send lock is held,
 * nor on the caller's thread unless the session is already down or the CDB is too long (then it fails at
 * once). Completions come on the reader thread, possibly before {@code submit} has returned, or on the writer
 * thread when the command ended while its data was being written.
 */
public final class Session {
    final Connection connection;
    final Negotiated parameters;
    final TaskTable tasks;
    final CommandWriter commands;
    final ConnectionWriter writer;
    final NopKeeper nop;
    final TaskManagement taskManagement;
    private final String name;
    private final int tsih;
    /** Commands waiting for the window or a free slot; guarded by the send lock. */
    private final WaitQueue waiting = new WaitQueue();
    /** The session's numbering, shared with its other connections; its lock is the send lock. */
    final CommandWindow window;
    /** This connection's id within the session. */
    private final int cid;
    volatile int expStatSn;
    private volatile boolean open = true;
    /**
     * Completes once this session is provably gone at the target: a later login with the same ISID reinstated
     * it (RFC 7143 6.3.5), or the target answered its Logout. What died with it is fenced then.
     */
    private final CompletableFuture<Void> gone = new CompletableFuture<>();
    /** How long after the proof of its end a session's commands are taken as dead; see {@link #provenGone}. */
    static final long TARGET_QUIESCE_MS = 300;
    /**
     * The CmdSNs of the commands this connection held when it ended: the target may never have received some, and
     * on a session that lives on (MC/S) each such gap would hold back every later command until filled.
     */
    final List<Integer> orphanedCmdSns = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Logouts of other connections of this session sent over this one, awaiting their answer. */
    final ConnectionLogouts connectionLogouts = new ConnectionLogouts(this);

    /** The only connection of a session (session-based teaming): CID 0, with a numbering of its own. */
    Session(Connection connection, LoginResult login, String name) {
        this(connection, login, login.parameters(), name, new CommandWindow(login.cmdSn(), login.expCmdSn(),
                login.maxCmdSn()), 0);
    }

    /**
     * Connection {@code cid} (1 and up) of a session of several connections (MC/S): the one that created the session
     * when {@code joined} is null, else one that joined {@code joined}'s session, sharing its numbering and its
     * session-wide parameters and keeping its own per-connection ones (digests, segment lengths). It is gone at the
     * target once its session is ({@link CommandWindow#provenGone}), or sooner when a Logout of it proves it.
     */
    Session(Connection connection, LoginResult login, String name, Session joined, int cid) {
        this(connection, login, joined == null ? login.parameters()
                        : joined.parameters.withConnectionKeysOf(login.parameters()), name,
                joined == null ? new CommandWindow(login.cmdSn(), login.expCmdSn(), login.maxCmdSn()) : joined.window, cid);
        window.gone().whenComplete((done, error) -> {
            if (error == null) {
                gone.complete(null);
            } else {
                gone.completeExceptionally(error);
            }
        });
        window.update(login.expCmdSn(), login.maxCmdSn());
    }

    private Session(Connection connection, LoginResult login, Negotiated parameters, String name, CommandWindow window,
                    int cid) {
        this.connection = connection;
        this.parameters = parameters;
        this.name = name;
        this.tsih = login.tsih();
        this.window = window;
        this.cid = cid;
        this.tasks = new TaskTable(cid);
        this.expStatSn = login.expStatSn();
        connection.lastReceiveNanos = System.nanoTime(); // the Login Response just came; login time is not silence
        connection.reader.limits(parameters.maxRecvDataSegmentLength());
        connection.reader.digests(parameters.headerDigest(), parameters.dataDigest());
        connection.writer.digests(parameters.headerDigest(), parameters.dataDigest());
        this.commands = new CommandWriter(this);
        this.writer = new ConnectionWriter(this, login.cmdSn(), name);
        this.nop = new NopKeeper(this);
        this.taskManagement = new TaskManagement(this);
        window.join(this);
    }

    public String name() {
        return name;
    }

    public int tsih() {
        return tsih;
    }

    /** This connection's id within the session: 0 for a session of one connection, 1 and up in MC/S. */
    public int cid() {
        return cid;
    }

    /** The session's command numbering, which a further connection of it joins with. */
    public CommandWindow window() {
        return window;
    }

    public Negotiated parameters() {
        return parameters;
    }

    /** Completes when the session is provably gone at the target; see {@link SessionRunner}. */
    public CompletionStage<Void> gone() {
        return gone;
    }

    /**
     * The session is gone at the target: reinstated by a login with its ISID, or logged out. Its fence closes
     * {@link #TARGET_QUIESCE_MS} later, because a target may answer that login before its back end has finished a
     * command of the old session that it had already handed over: tgtd runs those on parallel back-end threads, and
     * one such write, delayed on a loaded machine, landed after newer writes in the congestion test. NVMe's Command
     * Quiesce Time bounds the same window; an ABORT TASK confirmation needs no such wait (tgtd answers it only once
     * the command is done).
     */
    void provenGone() {
        afterQuiesce(gone);
    }

    /** Completes {@code fence} {@link #TARGET_QUIESCE_MS} after now. */
    static void afterQuiesce(CompletableFuture<Void> fence) {
        CompletableFuture.delayedExecutor(TARGET_QUIESCE_MS, TimeUnit.MILLISECONDS).execute(() -> fence.complete(null));
    }

    /** The driver stops for good without that proof: what waits for it must not be replayed. */
    void neverProvenGone(String why) {
        gone.completeExceptionally(new IllegalStateException(why));
    }

    /**
     * Drops this connection: everything it holds fails, and its runner logs in again. For the leading connection of a
     * session that is a reinstatement, which fences every connection the session had.
     */
    public void drop(String reason) {
        connection.fail(PathException.Reason.TRANSPORT, reason);
    }

    /** Nanoseconds since the target last sent anything on this connection, at {@code nowNanos}. */
    public long quietNanos(long nowNanos) {
        return nowNanos - connection.lastReceiveNanos;
    }

    /** True until the connection fails or logs out. */
    public boolean isOpen() {
        return open;
    }

    /**
     * Sends {@code command} to the logical unit {@code lunField}, or queues it while the window is closed.
     * Returns at once; see the class comment for the callback.
     */
    public void submit(long lunField, ScsiCommand command, CommandCallback callback) {
        Task task = new Task(command, callback, lunField);
        if (command.cdbLength() > 16) {
            task.fail(new PathException(PathException.Reason.REFUSED, PathException.Outcome.NOT_EXECUTED, "a CDB of "
                    + command.cdbLength() + " bytes is refused: CDBs longer than 16 bytes need an extended-CDB AHS, "
                    + "which this driver does not support; the path is fine"));
            return;
        }
        boolean accepted;
        boolean inline = false;
        window.lock.lock();
        try {
            accepted = open;
            if (accepted) {
                if (waiting.isEmpty() && window.isOpen() && tasks.add(task)) {
                    task.cmdSn = window.take();
                    inline = writer.claimInline();
                    if (!inline) {
                        writer.push(task);
                    }
                } else {
                    waiting.add(task);
                }
            }
        } finally {
            window.lock.unlock();
        }
        if (inline) {
            writer.writeInline(task);
        } else if (!accepted) {
            task.fail(new PathException(PathException.Reason.PATH_DOWN, "session " + name + " is down"));
        }
    }

    /**
     * Proves the connection alive with a NOP-Out; {@code callback} gets GOOD for {@code command} when the
     * NOP-In arrives, or fails like any command when the session ends first.
     */
    public void probe(ScsiCommand command, CommandCallback callback) {
        Task task = new Task(command, callback, 0);
        boolean accepted;
        window.lock.lock();
        try {
            accepted = open;
            if (accepted) {
                nop.probe(task);
            }
        } finally {
            window.lock.unlock();
        }
        if (!accepted) {
            task.fail(new PathException(PathException.Reason.PATH_DOWN, "session " + name + " is down"));
        }
    }

    /**
     * Asks the target to abort {@code command} (ABORT TASK, escalated to LOGICAL UNIT RESET; see
     * {@link TaskManagement#abortTask}) and returns its fence, or null when this session cannot tell: the command
     * died with it, and only the session's reinstatement ({@link SessionRunner#reinstated}) proves it gone.
     */
    public CompletionStage<Void> abort(ScsiCommand command) {
        return taskManagement.abortTask(command);
    }

    /**
     * Numbers a task that already has a slot and hands it to the writer. Send lock held, which keeps the writer's
     * queue in CmdSN order.
     */
    private void send(Task task) {
        task.cmdSn = window.take();
        writer.push(task);
    }

    /** A fresh control tag, unique in the session. */
    int nextControlTag() {
        return window.nextControlTag();
    }

    /** Applies the ExpCmdSN and MaxCmdSN of a target PDU (RFC 7143 4.2.2.1), then sends what now fits. */
    void updateWindow(int newExpCmdSn, int newMaxCmdSn) {
        window.update(newExpCmdSn, newMaxCmdSn);
    }

    /** Sends queued commands while the window and the slots allow; cheap when nothing waits. */
    void sendWaiting() {
        if (waiting.isEmptyHint()) {
            return;
        }
        window.lock.lock();
        try {
            while (open && !waiting.isEmpty() && window.isOpen() && tasks.add(waiting.peek())) {
                send(waiting.poll());
            }
        } finally {
            window.lock.unlock();
        }
    }

    /**
     * Ends the session: no more commands; every queued and in-flight command fails with {@code error}, or with its
     * reason as NOT_EXECUTED when no byte of the command was written.
     */
    void failAll(PathException error) {
        List<Task> queued;
        window.lock.lock();
        try {
            open = false;
            queued = waiting.drain();
        } finally {
            window.lock.unlock();
        }
        window.leave(this);
        PathException unsent = Task.notExecuted(error);
        queued.forEach(task -> task.fail(unsent));
        tasks.drain(task -> {
            orphanedCmdSns.add(task.cmdSn);
            task.failLost(error);
        });
        nop.failProbes(error);
        taskManagement.clear();
        connectionLogouts.clear();
    }

    /**
     * Fences {@code dead}, another connection of this session that has ended, by a Logout of its CID sent over this
     * one ({@link ConnectionLogouts}); fails when the target does not confirm within {@code timeoutMs} or mishandles
     * the request, and then only the session's reinstatement fences it.
     */
    public CompletionStage<Void> fenceConnection(Session dead, long timeoutMs) {
        return connectionLogouts.fence(dead, timeoutMs);
    }

    /** Takes a task out of the wait queue; true when it was there (so it was never sent). */
    boolean removeWaiting(Task task) {
        window.lock.lock();
        try {
            return waiting.remove(task);
        } finally {
            window.lock.unlock();
        }
    }

    /** The queued task carrying {@code command}, or null. */
    Task findWaiting(ScsiCommand command) {
        window.lock.lock();
        try {
            return waiting.find(command);
        } finally {
            window.lock.unlock();
        }
    }

    /**
     * Stops new commands and sends a Logout Request closing the session (RFC 7143 11.14). The reader ends
     * when the Logout Response arrives; whatever is still held then fails as the session ends.
     */
    void logout() {
        window.lock.lock();
        try {
            open = false;
        } finally {
            window.lock.unlock();
        }
        // A connection of a multi-connection session leaves alone; the session goes on with the others.
        writer.push(cid == 0 ? Logout.request(nextControlTag()) : Logout.closeConnection(nextControlTag(), cid));
    }

    @Override
    public String toString() {
        return "session " + name;
    }
}
