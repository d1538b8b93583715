package org.hbateam.driver.iscsi.internal.session;

import java.io.IOException;

import org.hbateam.api.path.PathException;
import org.hbateam.driver.iscsi.internal.pdu.Bhs;
import org.hbateam.driver.iscsi.internal.pdu.Opcode;

/**
 * NOP-Out pings and answers (RFC 7143 11.18, 11.19). When nothing has arrived for the NOP interval, a
 * ping goes out; when its NOP-In does not come back within the NOP timeout, the link is presumed dead and
 * the connection is failed with TIMEOUT. A silently pulled cable is caught this way, since TCP alone
 * would wait for minutes. The target's own pings (NOP-In with a target tag) are answered at once.
 */
final class NopKeeper {
    private final Session session;
    private volatile int outstandingTag = Opcode.RESERVED_TAG;
    private volatile long sentAtNanos;

    NopKeeper(Session session) {
        this.session = session;
    }

    /**
     * Called by the adapter's timer. Never blocks: when a writer holds the send lock the ping waits for
     * the next tick, and the timeout check needs no lock at all.
     */
    void tick(long nowNanos, long intervalNanos, long timeoutNanos) {
        Connection connection = session.connection;
        if (outstandingTag != Opcode.RESERVED_TAG) {
            if (nowNanos - sentAtNanos <= timeoutNanos) {
                return;
            }
            if (connection.lastReceiveNanos - sentAtNanos < 0) {
                connection.fail(PathException.Reason.TIMEOUT, "no answer to NOP-Out within "
                        + timeoutNanos / 1_000_000 + " ms: the link to " + connection.portal() + " is presumed dead");
                return;
            }
            // Other PDUs arrived, so the link lives even though this answer was lost: ping afresh.
            outstandingTag = Opcode.RESERVED_TAG;
        }
        if (nowNanos - connection.lastReceiveNanos > intervalNanos && connection.sendLock.tryLock()) {
            try {
                ping(nowNanos);
            } catch (IOException e) {
                connection.fail(PathException.Reason.TRANSPORT, "NOP-Out to " + connection.portal() + " failed: " + e.getMessage());
            } finally {
                connection.sendLock.unlock();
            }
        }
    }

    private void ping(long nowNanos) throws IOException {
        int tag = session.nextControlTag();
        sentAtNanos = nowNanos;
        outstandingTag = tag;
        session.connection.writer.header().opcode(Opcode.NOP_OUT, true).flags(Opcode.FINAL)
                .intAt(Bhs.ITT, tag).intAt(Bhs.TTT, Opcode.RESERVED_TAG)
                .intAt(Bhs.SN1, session.currentCmdSn()).intAt(Bhs.SN2, session.expStatSn);
        session.connection.writer.send();
    }

    /** A NOP-In answered our ping with {@code tag}. */
    void answered(int tag) {
        if (tag == outstandingTag) {
            outstandingTag = Opcode.RESERVED_TAG;
        }
    }

    /** Answers a target's ping (NOP-In with a target transfer tag) with a NOP-Out echoing the tag. */
    void answerTarget(int targetTag, long lunField) throws IOException {
        Connection connection = session.connection;
        connection.sendLock.lock();
        try {
            connection.writer.header().opcode(Opcode.NOP_OUT, true).flags(Opcode.FINAL)
                    .longAt(Bhs.LUN, lunField).intAt(Bhs.ITT, Opcode.RESERVED_TAG).intAt(Bhs.TTT, targetTag)
                    .intAt(Bhs.SN1, session.currentCmdSn()).intAt(Bhs.SN2, session.expStatSn);
            connection.writer.send();
        } finally {
            connection.sendLock.unlock();
        }
    }
}
