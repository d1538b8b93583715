package org.hbateam.driver.iscsi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.driver.iscsi.internal.fake.FakeConnection;
import org.hbateam.driver.iscsi.internal.fake.FakeTarget;
import org.hbateam.driver.iscsi.internal.fake.TargetPdu;
import org.hbateam.driver.iscsi.internal.login.ChapCredentials;
import org.hbateam.driver.iscsi.internal.login.Proposal;
import org.junit.jupiter.api.Test;

/**
 * Once an aborted command has failed to its caller, its buffer is the caller's again: a late Data-In is read and
 * dropped, a late R2T is not answered from it, and a dying connection reports which commands were never sent.
 */
class AbandonedTaskTest {
    private static final Proposal DEFAULTS = new Proposal(false, false, 65536, 262144, 65536, false, true, 1);

    /** What a replaced answer captured: the target's connection and the command it held back. */
    private record Held(FakeConnection connection, TargetPdu command) {
    }

    private static CompletableFuture<Held> holdNext(java.util.concurrent.atomic.AtomicReference<FakeTarget.Behaviour> hook) {
        CompletableFuture<Held> held = new CompletableFuture<>();
        hook.set((connection, command) -> held.complete(new Held(connection, command)));
        return held;
    }

    /** Aborts {@code command} with ABORT TASK (a round trip first, so the connection is not silent). */
    private static PathException abort(IscsiPath path, ScsiCommand command, Commands.Counting callback) throws Exception {
        Commands.run(path, ScsiCommand.noData(Cdb.testUnitReady()));
        path.abort(command);
        return assertInstanceOf(PathException.class, callback.outcome(), "the aborted command fails");
    }

    @Test
    void dataInAfterAnAbortIsDroppedAndNeverWrittenIntoTheBuffer() throws Exception {
        FakeTarget target = new FakeTarget();
        try (Harness h = new Harness(target, ChapCredentials.none(), DEFAULTS, 10000, 10000)) {
            IscsiPath path = h.start();
            CompletableFuture<Held> held = holdNext(target.onNextRead);
            byte[] buffer = new byte[4096];
            Arrays.fill(buffer, (byte) 0x5a);
            ScsiCommand command = ScsiCommand.read(Cdb.read16(0, 8), ByteBuffer.wrap(buffer));
            Commands.Counting callback = new Commands.Counting();
            path.submit(command, callback);
            Held read = held.get(Harness.GUARD_SECONDS, TimeUnit.SECONDS);
            assertEquals(PathException.Reason.ABORTED, abort(path, command, callback).reason(), "ABORT TASK ended it");

            byte[] late = new byte[4096];
            Arrays.fill(late, (byte) 0x11);
            read.connection().dataIn(read.command(), late);
            // The answer to this command comes after the late Data-In on the same connection: when it is here,
            // the reader has dealt with the Data-In.
            Commands.run(path, ScsiCommand.noData(Cdb.testUnitReady()));
            byte[] untouched = new byte[4096];
            Arrays.fill(untouched, (byte) 0x5a);
            assertTrue(Arrays.equals(untouched, buffer), "the late Data-In did not land in the caller's buffer");
            assertEquals(1, callback.calls.get(), "exactly one callback");
            assertTrue(h.states.isEmpty(), "the connection stayed up: " + h.states);
        }
    }

    @Test
    void anR2tAfterAnAbortIsNotAnsweredFromTheBuffer() throws Exception {
        FakeTarget target = new FakeTarget();
        target.immediateData = false;
        try (Harness h = new Harness(target, ChapCredentials.none(), DEFAULTS, 10000, 10000)) {
            IscsiPath path = h.start();
            CompletableFuture<Held> held = holdNext(target.onNextWrite);
            ScsiCommand command = ScsiCommand.write(Cdb.write16(0, 8), ByteBuffer.allocate(4096));
            Commands.Counting callback = new Commands.Counting();
            path.submit(command, callback);
            Held write = held.get(Harness.GUARD_SECONDS, TimeUnit.SECONDS);
            assertEquals(PathException.Reason.ABORTED, abort(path, command, callback).reason(), "ABORT TASK ended it");

            write.connection().r2t(write.command(), 7, 0, 4096);
            Commands.run(path, ScsiCommand.noData(Cdb.testUnitReady()));
            assertEquals(List.of(), target.dataOutSizes, "no Data-Out answered the late R2T");
            assertEquals(List.of(), target.violations, "the target saw nothing unexpected");
        }
    }

    @Test
    void aLostConnectionFailsTheSentCommandUnknownAndTheUnsentOneNotExecuted() throws Exception {
        FakeTarget target = new FakeTarget();
        target.window = 1; // MaxCmdSN = ExpCmdSN: while the READ is held, the next command must wait
        try (Harness h = new Harness(target, ChapCredentials.none(), DEFAULTS, 10000, 10000)) {
            IscsiPath path = h.start();
            CompletableFuture<Held> held = holdNext(target.onNextRead);
            Commands.Counting sent = new Commands.Counting();
            path.submit(ScsiCommand.read(Cdb.read16(0, 1), ByteBuffer.allocate(512)), sent);
            Held read = held.get(Harness.GUARD_SECONDS, TimeUnit.SECONDS);
            Commands.Counting unsent = new Commands.Counting();
            path.submit(ScsiCommand.read(Cdb.read16(1, 1), ByteBuffer.allocate(512)), unsent);

            read.connection().drop();
            PathException lost = assertInstanceOf(PathException.class, sent.outcome(), "the sent command fails");
            assertEquals(PathException.Outcome.UNKNOWN, lost.outcome(), "it reached the target: it may run: " + lost);
            PathException notSent = assertInstanceOf(PathException.class, unsent.outcome(), "the waiting one fails");
            assertEquals(PathException.Outcome.NOT_EXECUTED, notSent.outcome(), "it never left: " + notSent);
            assertEquals(1, sent.calls.get(), "exactly one callback for the sent command");
            assertEquals(1, unsent.calls.get(), "exactly one callback for the unsent command");
        }
    }
}
