package org.hbateam.driver.iscsi.internal.connection;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hbateam.driver.iscsi.internal.login.LoginResult;
import org.hbateam.driver.iscsi.internal.pdu.Bhs;
import org.hbateam.driver.iscsi.internal.pdu.Opcode;
import org.hbateam.driver.iscsi.internal.pdu.ProtocolException;
import org.hbateam.driver.iscsi.internal.pdu.TextKeys;

/**
 * SendTargets discovery (RFC 7143 12.3, Appendix C): a discovery session, one Text Request
 * {@code SendTargets=All} (following continued Text Responses), then a Logout. Synchronous; the caller's
 * thread does the I/O, under the login timeout.
 */
public final class SendTargets {
    private static final int CONTINUE = 0x40;
    private static final int MAX_RESPONSE_BYTES = 1 << 20;

    private SendTargets() {
    }

    /**
     * The target names the portal reports, in its order. {@code settings.targetName()} must be null. The
     * whole exchange runs under the login timeout, enforced by whoever ticks {@code connector}.
     */
    public static List<String> discover(SessionSettings settings, Connector connector) throws IOException {
        Connector.Established established = connector.connect(settings, 1);
        Connection connection = established.connection();
        connector.watch(connection, settings.loginTimeoutMs());
        try {
            LoginResult login = established.login();
            connection.reader.limits(login.parameters().maxRecvDataSegmentLength());
            connection.reader.digests(login.parameters().headerDigest(), login.parameters().dataDigest());
            connection.writer.digests(login.parameters().headerDigest(), login.parameters().dataDigest());
            Answer answer = exchange(connection, login);
            List<String> names = new ArrayList<>();
            for (Map.Entry<String, String> pair : TextKeys.decodePairs(answer.text())) {
                if (pair.getKey().equals("TargetName")) {
                    names.add(pair.getValue());
                }
            }
            logout(connection, login, answer.expStatSn());
            return names;
        } catch (IOException e) {
            throw connection.failure() != null ? new IOException(connection.failure().getMessage(), e) : e;
        } finally {
            connector.unwatch();
            connection.close();
        }
    }

    /** The whole SendTargets answer and the StatSN expected next. */
    private record Answer(ByteBuffer text, int expStatSn) {
    }

    private static Answer exchange(Connection connection, LoginResult login) throws IOException {
        ByteBuffer all = ByteBuffer.allocate(0);
        int ttt = Opcode.RESERVED_TAG;
        int expStatSn = login.expStatSn();
        ByteBuffer request = TextKeys.encode(Map.of("SendTargets", "All"));
        while (true) {
            connection.writer.header().opcode(Opcode.TEXT_REQUEST, true).flags(Opcode.FINAL)
                    .intAt(Bhs.ITT, 1).intAt(Bhs.TTT, ttt).intAt(Bhs.SN1, login.cmdSn()).intAt(Bhs.SN2, expStatSn);
            connection.writer.send(request);
            Bhs h = connection.reader.readHeader();
            if (h.opcode() != Opcode.TEXT_RESPONSE) {
                throw new ProtocolException("expected a Text Response to SendTargets, got " + Opcode.name(h.opcode()));
            }
            ByteBuffer part = connection.reader.readData();
            if (all.remaining() + part.remaining() > MAX_RESPONSE_BYTES) {
                throw new ProtocolException("SendTargets answer longer than " + MAX_RESPONSE_BYTES + " bytes");
            }
            all = ByteBuffer.allocate(all.remaining() + part.remaining()).put(all).put(part).flip();
            expStatSn = h.statSn() + 1;
            if ((h.flags() & CONTINUE) == 0) {
                return new Answer(all, expStatSn);
            }
            ttt = h.ttt();
            request = null;
        }
    }

    private static void logout(Connection connection, LoginResult login, int expStatSn) throws IOException {
        Logout.send(connection, 2, login.cmdSn(), expStatSn);
        Bhs h = connection.reader.readHeader();
        connection.reader.readData();
        if (h.opcode() != Opcode.LOGOUT_RESPONSE) {
            throw new ProtocolException("expected a Logout Response, got " + Opcode.name(h.opcode()));
        }
    }
}
