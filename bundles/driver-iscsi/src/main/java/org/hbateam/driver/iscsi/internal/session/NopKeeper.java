package org.hbateam.driver.iscsi.internal.session;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.driver.iscsi.internal.pdu.Bhs;
import org.hbateam.driver.iscsi.internal.pdu.Opcode;

/**
 * NOP-Out pings and answers (RFC 7143 11.18, 11.19). When nothing has arrived for the NOP interval, a
 * ping goes out; when its NOP-In does not come back within the NOP timeout, the link is presumed dead and
 * the connection is failed with TIMEOUT. A silently pulled cable is caught this way, since TCP alone
 * would wait for minutes. The target's own pings (NOP-In with a target tag) are answered at once.
 * {@code DataPath.probe} is a NOP-Out too: a transport ping that touches no data and raises no UNIT
 * ATTENTION.
 */
final class NopKeeper {
    private final Session session;
    /** Probes (DataPath.probe) waiting for their NOP-In, by tag. */
    private final Map<Integer, Task> probes = new ConcurrentHashMap<>();
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
        long silentNanos = nowNanos - connection.lastReceiveNanos;
        if (silentNanos > intervalNanos + timeoutNanos) {
            // No ping could even be sent (a writer stuck on a full socket holds the send lock), or none was
            // answered: either way nothing has come back for longer than a ping may take.
            connection.fail(PathException.Reason.TIMEOUT, "nothing received from " + connection.portal() + " for "
                    + silentNanos / 1_000_000 + " ms (NOP-Out timeout): the link is presumed dead");
            return;
        }
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
        sendPing(tag);
    }

    /** Writes a NOP-Out that asks for an answer. Send lock held. */
    private void sendPing(int tag) throws IOException {
        session.connection.writer.header().opcode(Opcode.NOP_OUT, true).flags(Opcode.FINAL)
                .intAt(Bhs.ITT, tag).intAt(Bhs.TTT, Opcode.RESERVED_TAG)
                .intAt(Bhs.SN1, session.currentCmdSn()).intAt(Bhs.SN2, session.expStatSn);
        session.connection.writer.send();
    }

    /**
     * Sends a NOP-Out for a probe; the NOP-In completes it with GOOD. The caller holds the send lock and
     * has checked that the session is open, so {@link #failProbes} cannot miss it.
     */
    void probe(Task task) {
        int tag = session.nextControlTag();
        probes.put(tag, task);
        try {
            sendPing(tag);
        } catch (IOException e) {
            session.connection.fail(PathException.Reason.TRANSPORT, "NOP-Out to " + session.connection.portal()
                    + " failed: " + e.getMessage());
        }
    }

    /** A NOP-In answered our ping with {@code tag}. */
    void answered(int tag) {
        if (tag == outstandingTag) {
            outstandingTag = Opcode.RESERVED_TAG;
        }
        Task probe = probes.remove(tag);
        if (probe != null) {
            probe.complete(ScsiResult.GOOD);
        }
    }

    /** The session ended: fails every probe still waiting. */
    void failProbes(PathException error) {
        for (Integer tag : probes.keySet()) {
            Task probe = probes.remove(tag);
            if (probe != null) {
                probe.fail(error);
            }
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
