package org.hbateam.driver.iscsi.internal.session;

import java.io.IOException;

import org.hbateam.api.path.PathException;
import org.hbateam.driver.iscsi.internal.pdu.Bhs;
import org.hbateam.driver.iscsi.internal.pdu.Opcode;

/**
 * The Logout Request that closes a session (RFC 7143 11.14, reason code 0). Its answer, the Logout
 * Response, ends the reader loop with {@link LoggedOutException}.
 */
final class Logout {
    private static final int CLOSE_SESSION = 0;

    private Logout() {
    }

    /** The request for a session's writer thread, which fills in CmdSN and ExpStatSN. */
    static ControlPdu request(int tag) {
        return new ControlPdu(Opcode.LOGOUT_REQUEST, Opcode.FINAL | CLOSE_SESSION, 0, tag, 0, 0);
    }

    /** Writes the request on a connection that has no writer thread (discovery, proxy reinstatement). */
    static void send(Connection connection, int tag, int cmdSn, int expStatSn) {
        try {
            connection.writer.header().opcode(Opcode.LOGOUT_REQUEST, true).flags(Opcode.FINAL | CLOSE_SESSION)
                    .intAt(Bhs.ITT, tag).intAt(Bhs.SN1, cmdSn).intAt(Bhs.SN2, expStatSn);
            connection.writer.send();
        } catch (IOException e) {
            connection.fail(PathException.Reason.TRANSPORT, "sending Logout to " + connection.portal() + " failed: " + e.getMessage());
        }
    }
}
