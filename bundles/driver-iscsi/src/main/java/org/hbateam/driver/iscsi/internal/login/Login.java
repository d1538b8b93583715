package org.hbateam.driver.iscsi.internal.login;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hbateam.driver.iscsi.internal.pdu.Bhs;
import org.hbateam.driver.iscsi.internal.pdu.Opcode;
import org.hbateam.driver.iscsi.internal.pdu.PduReader;
import org.hbateam.driver.iscsi.internal.pdu.PduWriter;
import org.hbateam.driver.iscsi.internal.pdu.ProtocolException;
import org.hbateam.driver.iscsi.internal.pdu.TextKeys;

/**
 * The login state machine (RFC 7143 6.3 and 11.12): the security stage (with CHAP when credentials are
 * set), then the operational stage, then the full feature phase. Runs synchronously on the connection's
 * own thread before any other PDU flows; a login timeout closes the channel from outside.
 */
public final class Login {
    static final int SECURITY = 0;
    static final int OPERATIONAL = 1;
    static final int FULL_FEATURE = 3;
    private static final int TRANSIT = 0x80;
    private static final int CONTINUE = 0x40;
    private static final int MAX_ROUNDS = 16;

    private final LoginRequest request;
    private final PduReader reader;
    private final PduWriter writer;
    private final ChapExchange chap;
    private final OperationalNegotiation negotiation;
    private int expStatSn;
    private int tsih;
    private int expCmdSn;
    private int maxCmdSn;
    private int lastFlags;
    private Map<String, String> offered = Map.of();

    public Login(LoginRequest request, PduReader reader, PduWriter writer) {
        this.request = request;
        this.reader = reader;
        this.writer = writer;
        this.chap = new ChapExchange(request.chap());
        this.negotiation = new OperationalNegotiation(request.proposal(), request.discovery(), request.tsih() == 0);
        this.tsih = request.tsih();
    }

    /**
     * Runs the login to the full feature phase.
     *
     * @throws LoginRedirect  when the target sends us elsewhere
     * @throws LoginException when the target refuses or authentication fails
     * @throws ProtocolException when the target breaks the protocol
     */
    public LoginResult run() throws IOException {
        Map<String, String> keys = firstKeys();
        boolean transit = !chap.active();
        int stage = SECURITY;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int next = stage == SECURITY ? OPERATIONAL : FULL_FEATURE;
            Map<String, String> answer = exchange(stage, next, transit, keys);
            boolean targetTransits = (lastFlags & TRANSIT) != 0;
            int targetNext = lastFlags & 0x03;
            if (stage == SECURITY) {
                keys = chap.next(answer);
                transit = chap.readyToTransit();
                if (targetTransits && targetNext == OPERATIONAL) {
                    chap.checkComplete();
                    stage = OPERATIONAL;
                    keys = negotiation.offer();
                    offered = keys;
                    transit = true;
                }
            } else {
                keys = negotiation.accept(answer, offered);
                transit = true;
                if (targetTransits && targetNext == FULL_FEATURE) {
                    return new LoginResult(tsih, request.cmdSn(), expStatSn, expCmdSn, maxCmdSn, negotiation.result());
                }
            }
        }
        throw new LoginException("login did not reach the full feature phase in " + MAX_ROUNDS + " exchanges");
    }

    private Map<String, String> firstKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("InitiatorName", request.initiatorName());
        keys.put("SessionType", request.discovery() ? "Discovery" : "Normal");
        if (!request.discovery()) {
            keys.put("TargetName", request.targetName());
        }
        keys.put("AuthMethod", chap.offer());
        return keys;
    }

    /** Sends one Login Request and gathers the answer, following continued responses. */
    private Map<String, String> exchange(int stage, int next, boolean transit, Map<String, String> keys) throws IOException {
        send(stage, next, transit, TextKeys.encode(keys));
        ByteBuffer text = receive(stage);
        while ((lastFlags & CONTINUE) != 0) {
            send(stage, next, false, ByteBuffer.allocate(0));
            text = concat(text, receive(stage));
        }
        return TextKeys.decode(text);
    }

    private void send(int stage, int next, boolean transit, ByteBuffer text) throws IOException {
        // Version-max and version-min stay 0 (bytes 2 and 3 of the cleared header): RFC 7143 is version 0.
        writer.header().opcode(Opcode.LOGIN_REQUEST, true)
                .flags((transit ? TRANSIT : 0) | stage << 2 | (transit ? next : 0))
                .bytes(8, request.isid(), 6).shortAt(14, tsih).intAt(Bhs.ITT, 0)
                .shortAt(20, request.cid()).intAt(Bhs.SN1, request.cmdSn()).intAt(Bhs.SN2, expStatSn);
        writer.send(text.hasRemaining() ? text : null);
    }

    private ByteBuffer receive(int stage) throws IOException {
        Bhs h = reader.readHeader();
        if (h.opcode() == Opcode.REJECT) {
            throw new LoginException("the target rejected the Login Request (reason 0x" + Integer.toHexString(h.byteAt(2)) + ")");
        }
        if (h.opcode() != Opcode.LOGIN_RESPONSE) {
            throw new ProtocolException("expected a Login Response, got " + Opcode.name(h.opcode()));
        }
        ByteBuffer text = copy(reader.readData());
        lastFlags = h.flags();
        tsih = h.shortAt(14) & 0xffff;
        expStatSn = h.statSn() + 1;
        expCmdSn = h.expCmdSn();
        maxCmdSn = h.maxCmdSn();
        int statusClass = h.byteAt(36);
        int detail = h.byteAt(37);
        if (statusClass == 1) {
            throw redirect(text, detail);
        }
        if (statusClass != 0) {
            throw refusal(statusClass, detail);
        }
        if (((lastFlags >> 2) & 0x03) != stage) {
            throw new ProtocolException("Login Response for stage " + ((lastFlags >> 2) & 3) + " while in stage " + stage);
        }
        return text;
    }

    private static LoginRedirect redirect(ByteBuffer text, int detail) throws ProtocolException {
        String address = TextKeys.decode(text).get("TargetAddress");
        if (address == null) {
            throw new ProtocolException("login redirection without a TargetAddress");
        }
        try {
            return new LoginRedirect(Portal.parse(address), detail == 2);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("login redirection to a malformed TargetAddress: " + e.getMessage());
        }
    }

    private static LoginException refusal(int statusClass, int detail) {
        String why;
        if (statusClass == 2 && detail == 1) {
            why = "authentication failed (check the CHAP user and secret)";
        } else if (statusClass == 2 && detail == 2) {
            why = "the initiator is not authorized for this target";
        } else if (statusClass == 2 && detail == 3) {
            why = "the target name was not found";
        } else if (statusClass == 2) {
            why = "initiator error";
        } else {
            why = "target error";
        }
        return new LoginException(String.format("login refused: %s (status 0x%02x%02x)", why, statusClass, detail),
                statusClass, detail);
    }

    private static ByteBuffer copy(ByteBuffer src) {
        ByteBuffer b = ByteBuffer.allocate(src.remaining());
        b.put(src.duplicate()).flip();
        return b;
    }

    private static ByteBuffer concat(ByteBuffer a, ByteBuffer b) {
        ByteBuffer c = ByteBuffer.allocate(a.remaining() + b.remaining());
        c.put(a).put(b).flip();
        return c;
    }
}
