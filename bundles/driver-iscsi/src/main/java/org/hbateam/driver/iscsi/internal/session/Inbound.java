package org.hbateam.driver.iscsi.internal.session;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.Direction;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.scsi.SenseData;
import org.hbateam.driver.iscsi.internal.connection.LoggedOutException;
import org.hbateam.driver.iscsi.internal.pdu.Bhs;
import org.hbateam.driver.iscsi.internal.pdu.Opcode;
import org.hbateam.driver.iscsi.internal.pdu.PduReader;
import org.hbateam.driver.iscsi.internal.pdu.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reader loop of a session: reads every target PDU and acts on it. Data-In lands straight in the
 * caller's buffer (Data-In for a task no longer held is read and dropped, so an abandoned buffer is never
 * written); responses complete tasks; R2Ts are handed to the writer thread, which answers them with Data-Out
 * unless the task has finished by then; NOP-In,
 * task management, logout, async messages and rejects go to their handlers. Anything malformed or out of
 * place ends the loop with a {@link ProtocolException}.
 */
final class Inbound {
    private static final Logger LOG = LoggerFactory.getLogger(Inbound.class);
    private static final int STATUS = 0x01;
    private static final int UNDERFLOW = 0x02;
    private static final int OVERFLOW = 0x04;
    private static final int REJECT_COMMAND_NOT_SUPPORTED = 0x05;
    private static final int REJECT_INVALID_PDU_FIELD = 0x09;

    private final Session session;
    private final PduReader reader;
    private final AsyncEvents asyncEvents;

    Inbound(Session session, AsyncEvents asyncEvents) {
        this.session = session;
        this.reader = session.connection.reader;
        this.asyncEvents = asyncEvents;
    }

    /** Reads until the connection ends; always ends with an exception saying why. */
    void run() throws IOException {
        while (true) {
            Bhs h = reader.readHeader();
            session.connection.lastReceiveNanos = System.nanoTime();
            dispatch(h);
        }
    }

    private void dispatch(Bhs h) throws IOException {
        switch (h.opcode()) {
            case Opcode.DATA_IN: dataIn(h); break;
            case Opcode.SCSI_RESPONSE: scsiResponse(h); break;
            case Opcode.R2T: r2t(h); break;
            case Opcode.NOP_IN: nopIn(h); break;
            case Opcode.TASK_MGMT_RESPONSE: taskManagementResponse(h); break;
            case Opcode.LOGOUT_RESPONSE: logoutResponse(h); break;
            case Opcode.ASYNC_MESSAGE: asyncMessage(h); break;
            case Opcode.REJECT: reject(h); break;
            default:
                throw new ProtocolException(Opcode.name(h.opcode()) + " is not allowed in the full feature phase");
        }
    }

    private void dataIn(Bhs h) throws IOException {
        Task task = session.tasks.get(h.itt());
        int length = h.dataSegmentLength();
        int offset = h.intAt(40);
        boolean status = (h.flags() & STATUS) != 0;
        if (task == null) {
            reader.readData(); // a task that was aborted or failed meanwhile: drop its data
        } else {
            if (task.command.direction() != Direction.READ && length > 0) {
                throw new ProtocolException(String.format("Data-In for ITT 0x%08x, which is not a read", h.itt()));
            }
            if (offset < 0 || (long) offset + length > task.command.transferLength()) {
                throw new ProtocolException(String.format("Data-In bad length: offset %d + %d bytes exceeds the expected "
                        + "transfer length %d of ITT 0x%08x", offset, length, task.command.transferLength(), h.itt()));
            }
            if (length > 0) {
                reader.readDataInto(task.region(offset, length));
            }
        }
        if (status) {
            statusSeen(h);
            if (task != null && session.tasks.remove(task)) {
                int st = h.byteAt(3);
                int residual = residual(h);
                task.complete(st == 0 ? ScsiResult.good(residual) : new ScsiResult(st, SenseData.of(null), residual));
            }
        }
        session.updateWindow(h.expCmdSn(), h.maxCmdSn());
    }

    private void scsiResponse(Bhs h) throws IOException {
        ByteBuffer data = reader.readData();
        statusSeen(h);
        Task task = session.tasks.get(h.itt());
        byte[] sense = sense(h, data);
        if (task != null && session.tasks.remove(task)) {
            int response = h.byteAt(2);
            if (response != 0) {
                task.fail(new PathException(PathException.Reason.TRANSPORT,
                        "the target reported iSCSI response 0x" + Integer.toHexString(response) + " (target failure)"));
            } else {
                int status = h.byteAt(3);
                // The common case, GOOD without sense, takes the shared results: a completion allocates nothing here.
                task.complete(status == 0 && sense == null ? ScsiResult.good(residual(h))
                        : new ScsiResult(status, SenseData.of(sense), residual(h)));
            }
        }
        session.updateWindow(h.expCmdSn(), h.maxCmdSn());
    }

    private static byte[] sense(Bhs h, ByteBuffer data) throws ProtocolException {
        if (data.remaining() < 2) {
            return null;
        }
        int senseLength = data.getShort(data.position()) & 0xffff;
        if (senseLength > data.remaining() - 2) {
            throw new ProtocolException("SCSI Response bad length: sense length " + senseLength
                    + " exceeds the data segment of " + data.remaining() + " bytes");
        }
        byte[] sense = new byte[senseLength];
        data.get(data.position() + 2, sense);
        return sense;
    }

    private static int residual(Bhs h) {
        int flags = h.flags();
        int count = h.intAt(44);
        return (flags & UNDERFLOW) != 0 ? count : (flags & OVERFLOW) != 0 ? -count : 0;
    }

    private void r2t(Bhs h) throws IOException {
        requireNoData(h);
        Task task = session.tasks.get(h.itt());
        int offset = h.intAt(40);
        int length = h.intAt(44);
        session.updateWindow(h.expCmdSn(), h.maxCmdSn());
        if (task == null) {
            return; // aborted or failed meanwhile
        }
        if (task.command.direction() != Direction.WRITE || length <= 0 || offset < 0
                || (long) offset + length > task.command.transferLength() || length > session.parameters.maxBurstLength()) {
            throw new ProtocolException(String.format("R2T asks for %d bytes at offset %d of ITT 0x%08x, outside the "
                    + "command's %d bytes or MaxBurstLength %d", length, offset, h.itt(),
                    task.command.transferLength(), session.parameters.maxBurstLength()));
        }
        if (task.queueR2t(h.ttt(), offset, length)) {
            session.writer.push(task);
        }
    }

    private void nopIn(Bhs h) throws IOException {
        reader.readData();
        if (h.itt() != Opcode.RESERVED_TAG) {
            statusSeen(h);
            session.nop.answered(h.itt());
        }
        session.updateWindow(h.expCmdSn(), h.maxCmdSn());
        if (h.ttt() != Opcode.RESERVED_TAG) {
            session.nop.answerTarget(h.ttt(), h.longAt(Bhs.LUN));
        }
    }

    private void taskManagementResponse(Bhs h) throws IOException {
        requireNoData(h);
        statusSeen(h);
        session.updateWindow(h.expCmdSn(), h.maxCmdSn());
        session.taskManagement.answered(h.itt(), h.byteAt(2));
    }

    private void logoutResponse(Bhs h) throws IOException {
        requireNoData(h);
        statusSeen(h);
        session.updateWindow(h.expCmdSn(), h.maxCmdSn());
        if (!session.connectionLogouts.answered(h.itt(), h.byteAt(2))) {
            throw new LoggedOutException(h.byteAt(2), h.shortAt(40) & 0xffff);
        }
    }

    private void asyncMessage(Bhs h) throws IOException {
        reader.readData();
        statusSeen(h);
        session.updateWindow(h.expCmdSn(), h.maxCmdSn());
        asyncEvents.received(session, h.byteAt(36), h.shortAt(38) & 0xffff, h.shortAt(40) & 0xffff, h.shortAt(42) & 0xffff);
    }

    /**
     * A Reject (RFC 7143 11.17) that names one SCSI command for a command-specific reason (0x05 command not
     * supported, 0x09 invalid PDU field) refuses that command alone: it fails REFUSED, never executed, and the
     * connection stays. Any other reason keeps the older handling: the named task, if any, fails with PROTOCOL.
     */
    private void reject(Bhs h) throws IOException {
        ByteBuffer data = reader.readData();
        statusSeen(h);
        int reason = h.byteAt(2);
        if (data.remaining() < Bhs.LENGTH) {
            throw new ProtocolException("Reject bad length: it carries " + data.remaining() + " bytes, not the rejected header");
        }
        int rejectedOpcode = data.get(data.position()) & 0x3f;
        int rejectedItt = data.getInt(data.position() + Bhs.ITT);
        LOG.warn("{}: the target rejected a {} (reason 0x{}, ITT 0x{})", session.name(), Opcode.name(rejectedOpcode),
                Integer.toHexString(reason), Integer.toHexString(rejectedItt));
        session.updateWindow(h.expCmdSn(), h.maxCmdSn());
        Task task = session.tasks.get(rejectedItt);
        if (task != null && session.tasks.remove(task)) {
            task.fail(rejectedOpcode == Opcode.SCSI_COMMAND && commandSpecific(reason)
                    ? new PathException(PathException.Reason.REFUSED, PathException.Outcome.NOT_EXECUTED,
                            "the target refused this command (Reject reason 0x" + Integer.toHexString(reason) + ")")
                    : new PathException(PathException.Reason.PROTOCOL,
                            "the target rejected the command (reason 0x" + Integer.toHexString(reason) + ")"));
            session.sendWaiting();
        }
    }

    private static boolean commandSpecific(int reason) {
        return reason == REJECT_COMMAND_NOT_SUPPORTED || reason == REJECT_INVALID_PDU_FIELD;
    }

    private void statusSeen(Bhs h) {
        session.expStatSn = h.statSn() + 1;
    }

    private static void requireNoData(Bhs h) throws ProtocolException {
        if (h.dataSegmentLength() != 0) {
            throw new ProtocolException(Opcode.name(h.opcode()) + " bad length: it must carry no data, but announces "
                    + h.dataSegmentLength() + " bytes");
        }
    }
}
