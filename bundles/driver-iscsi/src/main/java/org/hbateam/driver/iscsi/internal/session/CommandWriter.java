package org.hbateam.driver.iscsi.internal.session;

import java.io.IOException;

import org.hbateam.api.scsi.Direction;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.driver.iscsi.internal.login.Negotiated;
import org.hbateam.driver.iscsi.internal.pdu.Bhs;
import org.hbateam.driver.iscsi.internal.pdu.Opcode;
import org.hbateam.driver.iscsi.internal.pdu.PduWriter;

/**
 * Writes SCSI Command PDUs with their immediate data and unsolicited Data-Out (RFC 7143 4.2.5.2,
 * honouring ImmediateData, InitialR2T and FirstBurstLength), and the Data-Out sequences that answer R2Ts,
 * cut into PDUs no longer than the target's MaxRecvDataSegmentLength. Only the connection's writer thread
 * calls it. Each PDU is written between {@link Task#beginWrite} and {@link Task#endWrite}: nothing is written
 * from the caller's buffer once the task has finished, and its callback waits until the PDU is out.
 */
final class CommandWriter {
    private static final int READ = 0x40;
    private static final int WRITE = 0x20;
    private static final int ATTR_SIMPLE = 1;
    /** The ITT of a NOP-Out that only fills a CmdSN: a control tag, which never names a task. */
    private static final int FILLER_TAG = 0xfffffffe;

    private final Session session;
    private final PduWriter writer;
    private final Negotiated parameters;
    private final byte[] cdb = new byte[16];

    CommandWriter(Session session) {
        this.session = session;
        this.writer = session.connection.writer;
        this.parameters = session.parameters;
    }

    /**
     * Writes the command, its immediate data and any unsolicited Data-Out. A task that finished before its turn
     * (a reset took it) sends a NOP-Out in its place, which uses up its CmdSN so the later commands still run.
     */
    void writeCommand(Task task) throws IOException {
        if (!task.beginWrite()) {
            writeCmdSnFiller(task.cmdSn);
            return;
        }
        ScsiCommand command = task.command;
        int length = command.transferLength();
        boolean write = command.direction() == Direction.WRITE;
        int immediate = write ? parameters.immediateLimit(length) : 0;
        int unsolicited = write ? parameters.unsolicitedLimit(length) : 0;
        boolean dataOutFollows = unsolicited > immediate;
        try {
            int flags = (dataOutFollows ? 0 : Opcode.FINAL) | ATTR_SIMPLE
                    | (command.direction() == Direction.READ ? READ : 0) | (write ? WRITE : 0);
            java.util.Arrays.fill(cdb, (byte) 0);
            command.copyCdb(cdb, 0);
            writer.header().opcode(Opcode.SCSI_COMMAND, false).flags(flags)
                    .longAt(Bhs.LUN, task.lunField).intAt(Bhs.ITT, task.itt).intAt(20, length)
                    .intAt(Bhs.SN1, task.cmdSn).intAt(Bhs.SN2, session.expStatSn).bytes(32, cdb, 16);
            writer.send(immediate > 0 ? task.region(0, immediate) : null);
        } finally {
            task.endWrite();
        }
        if (dataOutFollows) {
            writeDataOut(task, Opcode.RESERVED_TAG, immediate, unsolicited - immediate);
        }
    }

    /**
     * Writes one Data-Out sequence of {@code length} bytes from {@code offset}, for target tag {@code ttt}; stops
     * at the first PDU whose task has finished meanwhile (the target then gets no more of a command it dropped).
     */
    void writeDataOut(Task task, int ttt, int offset, int length) throws IOException {
        int maxSegment = parameters.targetMaxRecvDataSegmentLength();
        int dataSn = 0;
        for (int sent = 0; sent < length && task.beginWrite(); dataSn++) {
            try {
                int chunk = Math.min(maxSegment, length - sent);
                boolean last = sent + chunk == length;
                writer.header().opcode(Opcode.DATA_OUT, false).flags(last ? Opcode.FINAL : 0)
                        .longAt(Bhs.LUN, task.lunField).intAt(Bhs.ITT, task.itt).intAt(Bhs.TTT, ttt)
                        .intAt(Bhs.SN2, session.expStatSn).intAt(36, dataSn).intAt(40, offset + sent);
                writer.send(task.region(offset + sent, chunk));
                sent += chunk;
            } finally {
                task.endWrite();
            }
        }
    }

    /** A non-immediate NOP-Out carrying {@code cmdSn} (RFC 7143 11.18: it advances CmdSN like a command). */
    private void writeCmdSnFiller(int cmdSn) throws IOException {
        writer.header().opcode(Opcode.NOP_OUT, false).flags(Opcode.FINAL).intAt(Bhs.ITT, FILLER_TAG)
                .intAt(Bhs.TTT, Opcode.RESERVED_TAG).intAt(Bhs.SN1, cmdSn).intAt(Bhs.SN2, session.expStatSn);
        writer.send();
    }
}
