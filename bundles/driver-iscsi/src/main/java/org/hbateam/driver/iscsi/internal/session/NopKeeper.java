package org.hbateam.driver.iscsi.internal.session;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.driver.iscsi.internal.connection.Connection;
import org.hbateam.driver.iscsi.internal.connection.ControlPdu;
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

    /** Called by the adapter's timer. Never blocks: the ping goes to the writer thread's queue. */
    void tick(long nowNanos, long intervalNanos, long timeoutNanos) {
        Connection connection = session.connection;
        long silentNanos = nowNanos - connection.lastReceiveNanos;
        if (silentNanos > intervalNanos + timeoutNanos) {
            // No ping could even be written (the writer is stuck on a full socket), or none was answered: either
            // way nothing has come back for longer than a ping may take.
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
        if (nowNanos - connection.lastReceiveNanos > intervalNanos) {
            ping(nowNanos);
        }
    }

    private void ping(long nowNanos) {
        int tag = session.nextControlTag();
        sentAtNanos = nowNanos;
        outstandingTag = tag;
        sendPing(tag);
    }

    /** Queues a NOP-Out that asks for an answer. */
    private void sendPing(int tag) {
        session.writer.push(new ControlPdu(Opcode.NOP_OUT, Opcode.FINAL, 0, tag, Opcode.RESERVED_TAG, 0));
    }

    /**
     * Sends a NOP-Out for a probe; the NOP-In completes it with GOOD. The caller holds the send lock and
     * has checked that the session is open, so {@link #failProbes} cannot miss it.
     */
    void probe(Task task) {
        int tag = session.nextControlTag();
        probes.put(tag, task);
        sendPing(tag);
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
    void answerTarget(int targetTag, long lunField) {
        session.writer.push(new ControlPdu(Opcode.NOP_OUT, Opcode.FINAL, lunField, Opcode.RESERVED_TAG, targetTag, 0));
    }
}
