package org.hbateam.driver.iscsi.internal.connection;

import java.io.IOException;

import org.hbateam.api.path.PathException;
import org.hbateam.driver.iscsi.internal.pdu.Bhs;
import org.hbateam.driver.iscsi.internal.pdu.Opcode;

/**
 * The Logout Requests (RFC 7143 11.14): reason code 0 closes the session, reason code 1 closes one connection,
 * named by its CID, which may be another connection of the session than the one the request travels on. The
 * answer to a request for this very connection ends the reader loop with {@link LoggedOutException}; the answer
 * for another connection goes to {@link org.hbateam.driver.iscsi.internal.session.ConnectionLogouts}.
 */
public final class Logout {
    private static final int CLOSE_SESSION = 0;
    private static final int CLOSE_CONNECTION = 1;

    private Logout() {
    }

    /** The request for a session's writer thread, which fills in CmdSN and ExpStatSN. */
    public static ControlPdu request(int tag) {
        return new ControlPdu(Opcode.LOGOUT_REQUEST, Opcode.FINAL | CLOSE_SESSION, 0, tag, 0, 0);
    }

    /** The request closing connection {@code cid}; the CID sits in bytes 20-21, where the TTT is elsewhere. */
    public static ControlPdu closeConnection(int tag, int cid) {
        return new ControlPdu(Opcode.LOGOUT_REQUEST, Opcode.FINAL | CLOSE_CONNECTION, 0, tag, cid << 16, 0);
    }

    /** Writes the request on a connection that has no writer thread (discovery, proxy reinstatement). */
    public static void send(Connection connection, int tag, int cmdSn, int expStatSn) {
        try {
            connection.writer.header().opcode(Opcode.LOGOUT_REQUEST, true).flags(Opcode.FINAL | CLOSE_SESSION)
                    .intAt(Bhs.ITT, tag).intAt(Bhs.SN1, cmdSn).intAt(Bhs.SN2, expStatSn);
            connection.writer.send();
        } catch (IOException e) {
            connection.fail(PathException.Reason.TRANSPORT, "sending Logout to " + connection.portal() + " failed: " + e.getMessage());
        }
    }
}
