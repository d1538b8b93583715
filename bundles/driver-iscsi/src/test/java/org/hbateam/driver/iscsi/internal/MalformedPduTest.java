package org.hbateam.driver.iscsi.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

import org.hbateam.api.path.PathException;
import org.hbateam.api.path.PathState;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.driver.iscsi.internal.fake.FakeTarget;
import org.hbateam.driver.iscsi.internal.login.Proposal;
import org.junit.jupiter.api.Test;

/**
 * Each malformed PDU from a target ends in a clear PROTOCOL error for the command in flight (exactly one
 * callback), the path going DOWN, and a clean reconnect: the driver and the JVM carry on.
 */
class MalformedPduTest {
    private static final Proposal PLAIN = new Proposal(false, false, 65536, 262144, 65536, false, true, 1);
    private static final Proposal DIGESTS = new Proposal(true, true, 65536, 262144, 65536, false, true, 1);

    @Test
    void badLengthR2tWithData() throws Exception {
        expectProtocolError(PLAIN, (c, cmd) -> {
            ByteBuffer h = c.noStatus(0x31, 0x80, cmd.itt());
            h.putInt(44, 512);
            c.wire.send(h, new byte[4]);
        }, "R2T bad length");
    }

    @Test
    void badLengthDataInBeyondTheCommand() throws Exception {
        expectProtocolError(PLAIN, (c, cmd) -> {
            ByteBuffer h = c.noStatus(0x25, 0, cmd.itt());
            h.putInt(40, 4096 - 512);
            c.wire.send(h, new byte[1024]);
        }, "Data-In bad length");
    }

    @Test
    void unknownOpcode() throws Exception {
        expectProtocolError(PLAIN, (c, cmd) -> c.wire.send(c.status(0x3a, 0x80, cmd.itt()), null),
                "unknown or unexpected opcode 0x3a");
    }

    @Test
    void headerDigestMismatch() throws Exception {
        expectProtocolError(DIGESTS, (c, cmd) -> {
            ByteBuffer h = c.status(0x25, 0x81, cmd.itt());
            byte[] data = new byte[4096];
            h.put(6, (byte) 0x10); // 4096 bytes
            ByteArrayOutputStream pdu = new ByteArrayOutputStream();
            pdu.write(h.array());
            pdu.write(c.wire.digest(h.array(), 48, 1));
            pdu.write(data);
            pdu.write(c.wire.digest(data, data.length, null));
            c.wire.raw(pdu.toByteArray());
        }, "header digest mismatch on Data-In");
    }

    @Test
    void dataDigestMismatch() throws Exception {
        expectProtocolError(DIGESTS, (c, cmd) -> {
            ByteBuffer h = c.status(0x25, 0x81, cmd.itt());
            byte[] data = new byte[4096];
            h.put(6, (byte) 0x10);
            ByteArrayOutputStream pdu = new ByteArrayOutputStream();
            pdu.write(h.array());
            pdu.write(c.wire.digest(h.array(), 48, null));
            pdu.write(data);
            pdu.write(c.wire.digest(data, data.length, 0x100));
            c.wire.raw(pdu.toByteArray());
        }, "data digest mismatch on Data-In");
    }

    @Test
    void segmentLongerThanMaxRecvDataSegmentLength() throws Exception {
        Proposal small = new Proposal(false, false, 4096, 262144, 65536, false, true, 1);
        // The target ignores what the initiator declared.
        expectProtocolError(small, (c, cmd) -> c.wire.send(c.status(0x25, 0x81, cmd.itt()), new byte[8192]),
                "data segment of 8192 bytes exceeds MaxRecvDataSegmentLength 4096");
    }

    @Test
    void streamTruncatedInsideAHeader() throws Exception {
        expectProtocolError(PLAIN, (c, cmd) -> {
            byte[] part = new byte[20];
            System.arraycopy(c.status(0x21, 0x80, cmd.itt()).array(), 0, part, 0, 20);
            c.wire.raw(part);
            c.drop();
        }, "stream truncated: the connection ended inside the Basic Header Segment after 20 of 48 bytes");
    }

    private void expectProtocolError(Proposal proposal, FakeTarget.Behaviour behaviour, String expected) throws Exception {
        try (Harness h = new Harness(new FakeTarget(), proposal)) {
            IscsiPath path = h.start();
            h.target.unitAttentionFirst = false;
            h.target.onNextRead.set(behaviour);
            byte[] into = new byte[4096];
            Commands.Counting callback = new Commands.Counting();
            path.submit(ScsiCommand.read(Cdb.read16(0, 8), ByteBuffer.wrap(into)), callback);

            Object outcome = callback.outcome();
            PathException error = assertInstanceOf(PathException.class, outcome, "the malformed answer must fail the command");
            assertEquals(PathException.Reason.PROTOCOL, error.reason(), "a malformed PDU is a protocol error: " + error);
            assertTrue(error.getMessage().contains(expected), "the error must say what was wrong, was: " + error.getMessage());
            String down = h.nextState();
            assertTrue(down.startsWith("DOWN") && down.contains(expected), "the path must go DOWN with the reason, was " + down);
            assertEquals("UP: logged in", h.nextState(), "the driver must log in again after dropping the connection");
            assertEquals(PathState.UP, path.state(), "the path is usable again");
            byte[] written = new byte[4096];
            written[7] = 42;
            Commands.write(path, 16, written);
            byte[] back = new byte[4096];
            Commands.read(path, 16, back);
            assertArrayEquals(written, back, "the reconnected path must carry I/O");
            assertEquals(1, callback.calls.get(), "the failed command must get exactly one callback");
        }
    }
}
