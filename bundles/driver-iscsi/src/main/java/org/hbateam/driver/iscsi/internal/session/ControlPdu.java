package org.hbateam.driver.iscsi.internal.session;

import java.io.IOException;

import org.hbateam.driver.iscsi.internal.pdu.Bhs;
import org.hbateam.driver.iscsi.internal.pdu.PduWriter;

/**
 * An immediate PDU without data that the writer thread sends: NOP-Out, Task Management Request or Logout
 * Request. CmdSN and ExpStatSN are filled in when it is written, so they are current then. These are rare,
 * so each one is a small object.
 */
final class ControlPdu extends Outgoing {
    private final int opcode;
    private final int flags;
    private final long lunField;
    private final int itt;
    private final int ttt;
    /** Word 32: RefCmdSN of a task management request, 0 elsewhere. */
    private final int word32;

    ControlPdu(int opcode, int flags, long lunField, int itt, int ttt, int word32) {
        this.opcode = opcode;
        this.flags = flags;
        this.lunField = lunField;
        this.itt = itt;
        this.ttt = ttt;
        this.word32 = word32;
    }

    /** Writes it with {@code cmdSn}, the CmdSN the next command will carry, and {@code expStatSn}. */
    void write(PduWriter writer, int cmdSn, int expStatSn) throws IOException {
        writer.header().opcode(opcode, true).flags(flags).longAt(Bhs.LUN, lunField).intAt(Bhs.ITT, itt)
                .intAt(Bhs.TTT, ttt).intAt(Bhs.SN1, cmdSn).intAt(Bhs.SN2, expStatSn).intAt(Bhs.SN3, word32);
        writer.send();
    }
}
