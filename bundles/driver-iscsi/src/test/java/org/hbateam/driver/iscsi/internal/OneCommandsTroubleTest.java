package org.hbateam.driver.iscsi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;

import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.Direction;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.driver.iscsi.internal.fake.FakeTarget;
import org.hbateam.driver.iscsi.internal.login.Proposal;
import org.junit.jupiter.api.Test;

/** A command the driver cannot encode, or one the target rejects alone, fails by itself: the path stays up. */
class OneCommandsTroubleTest {
    private static final Proposal DEFAULTS = new Proposal(false, false, 65536, 262144, 65536, false, true, 1);

    @Test
    void aCdbLongerThan16BytesIsRefusedAtSubmitAndThePathStaysUp() throws Exception {
        try (Harness h = new Harness(new FakeTarget(), DEFAULTS)) {
            IscsiPath path = h.start();
            byte[] cdb = new byte[32];
            cdb[0] = 0x7f; // a variable-length CDB
            Commands.Counting callback = new Commands.Counting();
            path.submit(new ScsiCommand(cdb, Direction.NONE, 0, null), callback);
            PathException error = assertInstanceOf(PathException.class, callback.outcome(), "the command fails");
            assertEquals(PathException.Reason.REFUSED, error.reason(), "refused, not a path error: " + error);
            assertEquals(PathException.Outcome.NOT_EXECUTED, error.outcome(), "it never left: " + error);
            assertTrue(error.getMessage().contains("16 bytes"), "the message says why: " + error.getMessage());
            assertTrue(Commands.run(path, ScsiCommand.noData(Cdb.testUnitReady())).isGood(), "the path still works");
            assertTrue(h.states.isEmpty(), "no path state changed: " + h.states);
        }
    }

    @Test
    void aCommandSpecificRejectRefusesThatCommandAloneAndKeepsTheConnection() throws Exception {
        FakeTarget target = new FakeTarget();
        try (Harness h = new Harness(target, DEFAULTS)) {
            IscsiPath path = h.start();
            for (int reason : List.of(0x05, 0x09)) {
                target.onNextRead.set((connection, command) -> connection.reject(command, reason));
                Commands.Counting callback = new Commands.Counting();
                path.submit(ScsiCommand.read(Cdb.read16(0, 1), ByteBuffer.allocate(512)), callback);
                PathException error = assertInstanceOf(PathException.class, callback.outcome(), "the command fails");
                assertEquals(PathException.Reason.REFUSED, error.reason(), "reason 0x0" + reason + " refuses it: " + error);
                assertEquals(PathException.Outcome.NOT_EXECUTED, error.outcome(), "a rejected command never ran");
                assertEquals(1, callback.calls.get(), "exactly one callback");
            }
            assertTrue(Commands.read(path, 0, new byte[512]).isGood(), "the connection carries on");
            assertTrue(h.states.isEmpty(), "no path state changed: " + h.states);
            assertEquals(1, target.logins.get(), "no new login was needed");
        }
    }

    @Test
    void aRejectForAnotherReasonKeepsTheOlderHandling() throws Exception {
        FakeTarget target = new FakeTarget();
        try (Harness h = new Harness(target, DEFAULTS)) {
            IscsiPath path = h.start();
            target.onNextRead.set((connection, command) -> connection.reject(command, 0x04));
            Commands.Counting callback = new Commands.Counting();
            path.submit(ScsiCommand.read(Cdb.read16(0, 1), ByteBuffer.allocate(512)), callback);
            PathException error = assertInstanceOf(PathException.class, callback.outcome(), "the command fails");
            assertEquals(PathException.Reason.PROTOCOL, error.reason(), "a protocol error is a path error: " + error);
        }
    }
}
