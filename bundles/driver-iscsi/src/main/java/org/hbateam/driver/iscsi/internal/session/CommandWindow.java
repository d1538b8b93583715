package org.hbateam.driver.iscsi.internal.session;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The command numbering of one session, shared by all its connections (RFC 7143 4.2.2.1: CmdSN, ExpCmdSN and
 * MaxCmdSN are session-wide, whatever connection a command travels on). One lock guards the next CmdSN and every
 * connection's hand-over of a numbered command to its writer queue, so each connection's queue is in CmdSN order
 * and the numbers across connections are one gap-free sequence: the target delivers commands to the SCSI layer in
 * CmdSN order no matter which connection brought each one, so no command overtakes one numbered before it.
 *
 * <p>Control tags (NOP-Out, task management, Logout) come from here too: an initiator task tag names one task in
 * the whole session, not in one connection.
 */
public final class CommandWindow {
    /** Guards {@link #cmdSn}, every member's wait queue and every member's writer hand-over. */
    final ReentrantLock lock = new ReentrantLock();
    /** The live connections; an array read once per window update, so the hot path allocates no iterator. */
    private volatile Session[] members = new Session[0];
    private final AtomicInteger controlTag = new AtomicInteger();
    /** Completes once the whole session is proven gone at the target; each connection's fence follows it. */
    private final CompletableFuture<Void> gone = new CompletableFuture<>();
    /** The next CmdSN; guarded by {@link #lock}. */
    private int cmdSn;
    private volatile int expCmdSn;
    private volatile int maxCmdSn;

    CommandWindow(int cmdSn, int expCmdSn, int maxCmdSn) {
        this.cmdSn = cmdSn;
        this.expCmdSn = expCmdSn;
        this.maxCmdSn = maxCmdSn;
    }

    /** Takes the next CmdSN. Lock held. */
    int take() {
        return cmdSn++;
    }

    /** The CmdSN the next command will carry: what a joining connection's login and an immediate PDU carry. */
    public int next() {
        lock.lock();
        try {
            return cmdSn;
        } finally {
            lock.unlock();
        }
    }

    /** True when the next CmdSN may be sent: CmdSN <= MaxCmdSN in serial arithmetic. Lock held. */
    boolean isOpen() {
        return maxCmdSn - cmdSn >= 0;
    }

    /** The highest ExpCmdSN the target has reported: every CmdSN before it has reached the target. */
    public int expCmdSn() {
        return expCmdSn;
    }

    /** Applies a target PDU's ExpCmdSN and MaxCmdSN, then lets every connection send what now fits. */
    void update(int newExpCmdSn, int newMaxCmdSn) {
        if (newMaxCmdSn - (newExpCmdSn - 1) < 0) {
            return; // RFC 7143 4.2.2.1: such a window is invalid and ignored
        }
        if (newExpCmdSn - expCmdSn > 0) {
            expCmdSn = newExpCmdSn;
        }
        if (newMaxCmdSn - maxCmdSn > 0) {
            maxCmdSn = newMaxCmdSn;
        }
        for (Session member : members) { // an array: no iterator is allocated per PDU
            member.sendWaiting();
        }
    }

    /** A fresh control tag; the top bit is set so it never names a task. */
    int nextControlTag() {
        return (controlTag.incrementAndGet() & 0x3fffffff) | 0x80000000;
    }

    /** Completes once the session is proven gone at the target; see {@link #provenGone}. */
    public CompletionStage<Void> gone() {
        return gone;
    }

    /**
     * A later login with the session's ISID and TSIH 0 reinstated it (RFC 7143 6.3.5): every connection it had is
     * gone, and with them their commands, after the same quiesce as a session of one connection
     * ({@link Session#TARGET_QUIESCE_MS}).
     */
    public void provenGone() {
        Session.afterQuiesce(gone);
    }

    /** The driver stops for good without that proof: what waits for it must not be replayed. */
    public void neverProvenGone(String why) {
        gone.completeExceptionally(new IllegalStateException(why));
    }

    synchronized void join(Session member) {
        Session[] now = Arrays.copyOf(members, members.length + 1);
        now[now.length - 1] = member;
        members = now;
    }

    synchronized void leave(Session member) {
        members = Arrays.stream(members).filter(m -> m != member).toArray(Session[]::new);
    }
}
