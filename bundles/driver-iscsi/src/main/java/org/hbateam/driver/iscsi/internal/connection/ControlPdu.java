package org.hbateam.driver.iscsi.internal.connection;

import java.io.IOException;

import org.hbateam.driver.iscsi.internal.pdu.Bhs;
import org.hbateam.driver.iscsi.internal.pdu.Opcode;
import org.hbateam.driver.iscsi.internal.pdu.PduWriter;

/**
 * A PDU without data that the writer thread sends: an immediate NOP-Out, Task Management Request or Logout
 * Request, whose CmdSN and ExpStatSN are filled in when it is written, so they are current then; or a
 * non-immediate NOP-Out that uses up one given CmdSN ({@link #cmdSnFiller}). These are rare, so each one is a
 * small object.
 */
public final class ControlPdu extends Outgoing {
    private final int opcode;
    private final int flags;
    private final long lunField;
    private final int itt;
    private final int ttt;
    /** Word 32: RefCmdSN of a task management request, 0 elsewhere. */
    private final int word32;
    /** The CmdSN a non-immediate PDU carries; ignored for an immediate one. */
    private final int ownCmdSn;
    private final boolean immediate;

    public ControlPdu(int opcode, int flags, long lunField, int itt, int ttt, int word32) {
        this(opcode, flags, lunField, itt, ttt, word32, true, 0);
    }

    private ControlPdu(int opcode, int flags, long lunField, int itt, int ttt, int word32, boolean immediate,
                       int ownCmdSn) {
        this.immediate = immediate;
        this.ownCmdSn = ownCmdSn;
        this.opcode = opcode;
        this.flags = flags;
        this.lunField = lunField;
        this.itt = itt;
        this.ttt = ttt;
        this.word32 = word32;
    }

    /**
     * A NOP-Out without the immediate bit, carrying {@code cmdSn}: it uses that CmdSN up at the target like a command
     * (RFC 7143 11.18), filling a gap that a command lost with a dead connection left. It needs a real tag
     * ({@code controlTag}): a NOP-Out with the reserved tag must be immediate. The NOP-In it draws is ignored.
     */
    public static ControlPdu cmdSnFiller(int controlTag, int cmdSn) {
        return new ControlPdu(Opcode.NOP_OUT, Opcode.FINAL, 0, controlTag, Opcode.RESERVED_TAG, 0, false, cmdSn);
    }

    /** Writes it with {@code cmdSn}, the CmdSN the next command will carry, and {@code expStatSn}. */
    public void write(PduWriter writer, int cmdSn, int expStatSn) throws IOException {
        writer.header().opcode(opcode, immediate).flags(flags).longAt(Bhs.LUN, lunField).intAt(Bhs.ITT, itt)
                .intAt(Bhs.TTT, ttt).intAt(Bhs.SN1, immediate ? cmdSn : ownCmdSn).intAt(Bhs.SN2, expStatSn).intAt(Bhs.SN3, word32);
        writer.send();
    }
}
