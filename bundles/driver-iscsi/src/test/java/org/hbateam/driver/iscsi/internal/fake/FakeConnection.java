package org.hbateam.driver.iscsi.internal.fake;

import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hbateam.api.scsi.Capacity;
import org.hbateam.api.scsi.DeviceIdentification;
import org.hbateam.api.scsi.ReportLuns;
import org.hbateam.api.scsi.SenseData;

/** One connection of the fake target: login, then the full feature phase. */
public final class FakeConnection {
    private final FakeTarget target;
    private final Socket socket;
    public final TargetWire wire;
    /** The initiator's declared MaxRecvDataSegmentLength. */
    public int initiatorMrdsl = 8192;
    private int statSn = 100;
    /** The CmdSN of the login, until the session's numbering takes over. */
    private int expCmdSn;
    private FakeSession session;
    private int cid;
    private int negotiatedBurst;
    private int negotiatedFirstBurst;
    private boolean negotiatedInitialR2T;
    private boolean unitAttentionPending;

    FakeConnection(FakeTarget target, Socket socket) throws IOException {
        this.target = target;
        this.socket = socket;
        this.wire = new TargetWire(socket);
    }

    void run() throws IOException {
        if (!login()) {
            return;
        }
        unitAttentionPending = target.unitAttentionFirst;
        for (TargetPdu pdu = wire.read(); pdu != null; pdu = wire.read()) {
            if (!fullFeature(pdu)) {
                return;
            }
        }
    }

    // ---- login ----

    private boolean login() throws IOException {
        int chapStep = 0;
        byte[] challenge = HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f10");
        int firstTsih = -1; // what the initiator asked for: later requests echo the TSIH this target answers with
        while (true) {
            TargetPdu req = wire.read();
            if (req == null) {
                return false;
            }
            if (firstTsih < 0) {
                firstTsih = req.bhs.getShort(14) & 0xffff;
            }
            Map<String, String> keys = keys(req.data);
            int csg = (req.flags() >> 2) & 3;
            boolean transit = (req.flags() & 0x80) != 0;
            int nsg = req.flags() & 3;
            expCmdSn = req.intAt(24);
            cid = req.bhs.getShort(20) & 0xffff;
            Map<String, String> answer = new LinkedHashMap<>();
            if (target.redirectTo != null) {
                answer.put("TargetAddress", target.redirectTo + ",1");
                respondLogin(req, 0, 0x0101, answer);
                return false;
            }
            if (csg == 0) {
                if (target.chapUser == null) {
                    if (keys.containsKey("AuthMethod")) {
                        answer.put("AuthMethod", "None");
                    }
                } else if (chapStep == 0) {
                    if (!keys.getOrDefault("AuthMethod", "").contains("CHAP")) {
                        respondLogin(req, 0, 0x0201, answer);
                        return false;
                    }
                    answer.put("AuthMethod", "CHAP");
                    transit = false;
                    chapStep = 1;
                } else if (chapStep == 1) {
                    answer.put("CHAP_A", "5");
                    answer.put("CHAP_I", "7");
                    answer.put("CHAP_C", "0x" + HexFormat.of().formatHex(challenge));
                    transit = false;
                    chapStep = 2;
                } else if (chapStep == 2) {
                    byte[] expected = md5(7, target.chapSecret, challenge);
                    String got = keys.getOrDefault("CHAP_R", "0x00");
                    if (!target.chapUser.equals(keys.get("CHAP_N")) || !got.equalsIgnoreCase("0x" + HexFormat.of().formatHex(expected))) {
                        respondLogin(req, 0, 0x0201, answer);
                        return false;
                    }
                    if (keys.containsKey("CHAP_C")) {
                        byte[] theirs = HexFormat.of().parseHex(keys.get("CHAP_C").substring(2));
                        answer.put("CHAP_N", target.mutualUser);
                        answer.put("CHAP_R", "0x" + HexFormat.of().formatHex(md5(Integer.parseInt(keys.get("CHAP_I")), target.mutualSecret, theirs)));
                    }
                    chapStep = 3;
                }
            } else {
                checkLeadingOnlyKeys(firstTsih, keys);
                negotiate(keys, answer);
            }
            int flags = (transit ? 0x80 | nsg : 0) | csg << 2;
            respondLogin(req, flags, 0, answer);
            if (transit && nsg == 3) {
                joinSession(firstTsih);
                wire.headerDigest = "CRC32C".equals(answer.get("HeaderDigest"));
                wire.dataDigest = "CRC32C".equals(answer.get("DataDigest"));
                target.loginIsids.add(HexFormat.of().formatHex(req.bhs.array(), 8, 14));
                target.logins.incrementAndGet();
                return true;
            }
        }
    }

    /** RFC 7143 13: the session-wide keys (LO, leading only) must not come in a login that adds a connection. */
    private void checkLeadingOnlyKeys(int tsih, Map<String, String> keys) {
        if (tsih != 0) {
            for (String key : List.of("MaxConnections", "InitialR2T", "ImmediateData", "MaxBurstLength",
                    "FirstBurstLength", "DefaultTime2Wait", "DefaultTime2Retain", "MaxOutstandingR2T", "DataPDUInOrder",
                    "DataSequenceInOrder", "ErrorRecoveryLevel")) {
                if (keys.containsKey(key)) {
                    target.violations.add(key + " offered in a login that adds a connection (leading only)");
                }
            }
        }
    }

    /** A login with TSIH 0 starts a session (reinstating the last one); one with its TSIH adds a connection to it. */
    private void joinSession(int tsih) {
        if (tsih == 0 || target.session == null) {
            target.session = new FakeSession(target, expCmdSn);
        }
        session = target.session;
        FakeConnection leading = session.connections.values().stream().findFirst().orElse(null);
        if (tsih != 0 && leading != null) {
            // the session-wide keys were settled by the leading connection's login, not this one's
            negotiatedBurst = leading.negotiatedBurst;
            negotiatedFirstBurst = leading.negotiatedFirstBurst;
            negotiatedInitialR2T = leading.negotiatedInitialR2T;
        }
        session.join(cid, this);
    }

    /** The session's ExpCmdSN once logged in, the login's CmdSN before. */
    private int expCmdSn() {
        return session == null ? expCmdSn : session.expCmdSn();
    }

    private void negotiate(Map<String, String> keys, Map<String, String> answer) {
        keys.forEach((k, v) -> {
            switch (k) {
                case "MaxConnections" -> answer.put(k, Integer.toString(Math.min(Integer.parseInt(v), target.maxConnections)));
                case "HeaderDigest", "DataDigest" -> answer.put(k, target.digests && v.contains("CRC32C") ? "CRC32C" : "None");
                case "MaxRecvDataSegmentLength" -> {
                    initiatorMrdsl = Integer.parseInt(v);
                    answer.put(k, Integer.toString(target.maxRecvDataSegmentLength));
                }
                case "MaxBurstLength" -> {
                    negotiatedBurst = Math.min(Integer.parseInt(v), target.maxBurstLength);
                    answer.put(k, Integer.toString(negotiatedBurst));
                }
                case "FirstBurstLength" -> {
                    negotiatedFirstBurst = Math.min(Integer.parseInt(v), target.firstBurstLength);
                    answer.put(k, Integer.toString(negotiatedFirstBurst));
                }
                case "InitialR2T" -> {
                    negotiatedInitialR2T = target.initialR2T || v.equals("Yes");
                    answer.put(k, negotiatedInitialR2T ? "Yes" : "No");
                }
                case "ImmediateData" -> answer.put(k, target.immediateData && v.equals("Yes") ? "Yes" : "No");
                default -> answer.put(k, v);
            }
        });
    }

    private void respondLogin(TargetPdu req, int flags, int status, Map<String, String> answer) throws IOException {
        ByteBuffer h = TargetPdu.header(0x23, flags);
        h.put(8, req.bhs.array(), 8, 6);
        h.putShort(14, (short) 1).putInt(16, req.itt()).putInt(24, statSn++).putInt(28, expCmdSn())
                .putInt(32, expCmdSn() + target.window - 1).put(36, (byte) (status >> 8)).put(37, (byte) status);
        StringBuilder text = new StringBuilder();
        answer.forEach((k, v) -> text.append(k).append('=').append(v).append('\0'));
        wire.send(h, text.length() == 0 ? null : text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> keys(byte[] data) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String pair : new String(data, StandardCharsets.UTF_8).split("\0")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                keys.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return keys;
    }

    private static byte[] md5(int id, String secret, byte[] challenge) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update((byte) id);
            md5.update(secret.getBytes(StandardCharsets.UTF_8));
            return md5.digest(challenge);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- full feature phase ----

    private boolean fullFeature(TargetPdu pdu) throws IOException {
        switch (pdu.opcode()) {
            case 0x00 -> nopOut(pdu);
            case 0x01 -> command(pdu);
            case 0x02 -> {
                target.taskManagementRequests.incrementAndGet();
                int function = pdu.flags() & 0x7f;
                target.taskManagementFunctions.add(function);
                if (target.answerTaskManagement) {
                    ByteBuffer h = status(0x22, 0x80, pdu.itt());
                    h.put(2, (byte) (function == 1 ? target.abortTaskResponse : 0));
                    wire.send(h, null);
                }
            }
            case 0x04 -> {
                byte[] text = target.sendTargetsAnswer.getBytes(StandardCharsets.UTF_8);
                ByteBuffer h = status(0x24, 0x80, pdu.itt());
                h.putInt(20, -1);
                wire.send(h, text);
            }
            case 0x06 -> {
                return logout(pdu);
            }
            default -> target.violations.add("unexpected opcode " + pdu.opcode() + " in full feature phase");
        }
        return true;
    }

    /**
     * Reason 0 closes the session, reason 1 the connection named by the CID: this one, or another, which is dropped
     * (its tasks end with it) before the answer, while this one stays; unless the target is set to mishandle it.
     */
    private boolean logout(TargetPdu pdu) throws IOException {
        int reason = pdu.flags() & 0x7f;
        int named = pdu.bhs.getShort(20) & 0xffff;
        if (reason != 1 || named == cid) {
            target.logouts.incrementAndGet();
            wire.send(status(0x26, 0x80, pdu.itt()), null);
            return false;
        }
        target.connectionLogouts.add(named);
        if (!target.answerConnectionLogout) {
            return true;
        }
        FakeConnection other = session.connections.remove(named);
        if (other != null && !target.logoutClosesCarrier) {
            other.drop();
        }
        wire.send(status(0x26, 0x80, pdu.itt()), null);
        return !target.logoutClosesCarrier;
    }

    private void nopOut(TargetPdu pdu) throws IOException {
        countNonImmediateNop(pdu);
        if (pdu.itt() == -1) {
            target.pingAnswers.add(pdu.intAt(20));
        }
        if (pdu.itt() != -1 && target.answerNops) {
            ByteBuffer h = status(0x20, 0x80, pdu.itt());
            h.putInt(20, -1);
            wire.send(h, null);
        }
    }

    /** A target PDU header with StatSN, ExpCmdSN and MaxCmdSN filled in. */
    public ByteBuffer status(int opcode, int flags, int itt) {
        ByteBuffer h = TargetPdu.header(opcode, flags);
        h.putInt(16, itt).putInt(24, statSn++).putInt(28, expCmdSn()).putInt(32, expCmdSn() + target.window - 1);
        return h;
    }

    /** The same without advancing StatSN (R2T, Data-In without status). */
    public ByteBuffer noStatus(int opcode, int flags, int itt) {
        ByteBuffer h = TargetPdu.header(opcode, flags);
        h.putInt(16, itt).putInt(24, statSn).putInt(28, expCmdSn()).putInt(32, expCmdSn() + target.window - 1);
        return h;
    }

    private void command(TargetPdu cmd) throws IOException {
        session.received(cid, cmd.intAt(24));
        int op = cmd.cdb(0);
        if (op == 0x88) {
            FakeTarget.Behaviour behaviour = target.onNextRead.getAndSet(null);
            if (behaviour != null) {
                behaviour.act(this, cmd);
                return;
            }
        }
        if (replacedWrite(op, cmd)) {
            return;
        }
        if (unitAttentionPending) {
            unitAttentionPending = false;
            drainWriteData(cmd);
            respond(cmd, 0x02, SenseData.fixed(6, 0x29, 0).bytes());
            return;
        }
        switch (op) {
            case 0xa0 -> dataIn(cmd, ReportLuns.encode(List.of(0L)));
            case 0x12 -> dataIn(cmd, (cmd.cdb(1) & 1) != 0
                    ? DeviceIdentification.encodeNaaPage(HexFormat.of().parseHex("600144f0000000000000000000000001"))
                    : new byte[36]);
            case 0x9e -> dataIn(cmd, new Capacity(target.disk.length / 512 - 1, 512).encode());
            case 0x88 -> {
                int lba = (int) cmd.bhs.getLong(32 + 2);
                dataIn(cmd, java.util.Arrays.copyOfRange(target.disk, lba * 512, lba * 512 + cmd.intAt(20)));
            }
            case 0x8a -> write(cmd);
            default -> respond(cmd, 0, null);
        }
    }

    /** Sends Data-In in PDUs no longer than the initiator accepts, status in the last. */
    public void dataIn(TargetPdu cmd, byte[] data) throws IOException {
        int edtl = cmd.intAt(20);
        int length = Math.min(edtl, data.length);
        int offset = 0;
        do {
            int chunk = Math.min(initiatorMrdsl, length - offset);
            boolean last = offset + chunk == length;
            ByteBuffer h = last ? status(0x25, 0x81 | (length < edtl ? 0x02 : 0), cmd.itt()) : noStatus(0x25, 0, cmd.itt());
            h.put(8, cmd.bhs.array(), 8, 8).putInt(20, -1).putInt(40, offset).putInt(44, last ? edtl - length : 0);
            wire.send(h, java.util.Arrays.copyOfRange(data, offset, offset + chunk));
            offset += chunk;
        } while (offset < length);
    }

    private void write(TargetPdu cmd) throws IOException {
        int lba = (int) cmd.bhs.getLong(32 + 2);
        byte[] data = receive(cmd);
        System.arraycopy(data, 0, target.disk, lba * 512, data.length);
        respond(cmd, 0, null);
    }

    private void drainWriteData(TargetPdu cmd) throws IOException {
        if ((cmd.flags() & 0x20) != 0) {
            receive(cmd);
        }
    }

    /** Gathers immediate, unsolicited and solicited data, checking what the initiator may send. */
    private byte[] receive(TargetPdu cmd) throws IOException {
        int edtl = cmd.intAt(20);
        byte[] data = new byte[edtl];
        System.arraycopy(cmd.data, 0, data, 0, cmd.data.length);
        int received = cmd.data.length;
        if ((cmd.flags() & 0x80) == 0) {
            received = dataOut(cmd, data, received, -1);
        }
        if (received > negotiatedFirstBurst && received > 0) {
            target.violations.add("unsolicited data " + received + " beyond FirstBurstLength " + negotiatedFirstBurst);
        }
        for (int ttt = 1; received < edtl; ttt++) {
            int length = Math.min(negotiatedBurst, edtl - received);
            ByteBuffer h = noStatus(0x31, 0x80, cmd.itt());
            h.put(8, cmd.bhs.array(), 8, 8).putInt(20, ttt).putInt(36, ttt - 1).putInt(40, received).putInt(44, length);
            wire.send(h, null);
            int end = dataOut(cmd, data, received, ttt);
            if (end != received + length) {
                target.violations.add("R2T for " + length + " answered with " + (end - received) + " bytes");
            }
            received = end;
        }
        return data;
    }

    private int dataOut(TargetPdu cmd, byte[] data, int offset, int ttt) throws IOException {
        while (true) {
            TargetPdu pdu = wire.read();
            if (pdu == null) {
                throw new IOException("initiator closed during Data-Out");
            }
            if (pdu.opcode() != 0x05 || pdu.itt() != cmd.itt() || pdu.intAt(20) != ttt || pdu.intAt(40) != offset) {
                target.violations.add("unexpected PDU during Data-Out: opcode " + pdu.opcode() + " ttt " + pdu.intAt(20)
                        + " offset " + pdu.intAt(40) + " expected " + offset);
            }
            if (pdu.data.length > target.maxRecvDataSegmentLength) {
                target.violations.add("Data-Out of " + pdu.data.length + " bytes beyond MaxRecvDataSegmentLength");
            }
            target.dataOutSizes.add(pdu.data.length);
            System.arraycopy(pdu.data, 0, data, offset, pdu.data.length);
            offset += pdu.data.length;
            if ((pdu.flags() & 0x80) != 0) {
                return offset;
            }
        }
    }

    /** Sends a SCSI Response with status and optional sense. */
    public void respond(TargetPdu cmd, int scsiStatus, byte[] sense) throws IOException {
        ByteBuffer h = status(0x21, 0x80, cmd.itt());
        h.put(3, (byte) scsiStatus);
        byte[] data = null;
        if (sense != null) {
            data = new byte[2 + sense.length];
            data[0] = (byte) (sense.length >> 8);
            data[1] = (byte) sense.length;
            System.arraycopy(sense, 0, data, 2, sense.length);
        }
        wire.send(h, data);
    }

    /** A NOP-Out without the immediate bit uses up a CmdSN, as a command does (RFC 7143 11.18). */
    private void countNonImmediateNop(TargetPdu pdu) {
        if (!pdu.immediate()) {
            session.received(cid, pdu.intAt(24));
        }
    }

    /** Runs {@link FakeTarget#onNextWrite} instead of the normal answer to a WRITE(16); true when it did. */
    private boolean replacedWrite(int op, TargetPdu cmd) throws IOException {
        FakeTarget.Behaviour behaviour = op == 0x8a ? target.onNextWrite.getAndSet(null) : null;
        if (behaviour != null) {
            behaviour.act(this, cmd);
        }
        return behaviour != null;
    }

    /** Sends a Reject (RFC 7143 11.17) for {@code rejected} with {@code reason}, carrying its header. */
    public void reject(TargetPdu rejected, int reason) throws IOException {
        ByteBuffer h = status(0x3f, 0x80, -1);
        h.put(2, (byte) reason);
        wire.send(h, java.util.Arrays.copyOf(rejected.bhs.array(), 48));
    }

    /** Sends an R2T for {@code length} bytes at {@code offset} of {@code cmd}, with target tag {@code ttt}. */
    public void r2t(TargetPdu cmd, int ttt, int offset, int length) throws IOException {
        ByteBuffer h = noStatus(0x31, 0x80, cmd.itt());
        h.put(8, cmd.bhs.array(), 8, 8).putInt(20, ttt).putInt(40, offset).putInt(44, length);
        wire.send(h, null);
    }

    /** Closes the connection abruptly. */
    public void drop() throws IOException {
        socket.close();
    }
}
