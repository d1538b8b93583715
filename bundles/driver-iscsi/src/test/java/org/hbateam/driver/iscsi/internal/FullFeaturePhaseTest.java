package org.hbateam.driver.iscsi.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.hbateam.api.path.DataPath;
import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.driver.iscsi.internal.fake.FakeTarget;
import org.hbateam.driver.iscsi.internal.login.ChapCredentials;
import org.hbateam.driver.iscsi.internal.login.Proposal;
import org.junit.jupiter.api.Test;

/** Commands, data transfer, the CmdSN window, NOP timeouts and aborts against the fake target. */
class FullFeaturePhaseTest {
    private static final Proposal DEFAULTS = new Proposal(false, false, 65536, 262144, 65536, false, true, 1);

    @Test
    void publishesThePathWithAllPropertiesAfterRetryingTheFirstUnitAttention() throws Exception {
        try (Harness h = new Harness(new FakeTarget(), DEFAULTS)) {
            IscsiPath path = h.start();
            assertEquals("naa.600144f0000000000000000000000001", path.luIdentity(), "the identity from VPD 0x83");
            assertEquals(0L, path.properties().get(DataPath.LUN), "the LUN as a Long");
            assertEquals("hba0", path.properties().get(DataPath.ADAPTER_ID), "the adapter id");
            assertEquals(FakeTarget.IQN, path.properties().get(DataPath.TARGET), "the target IQN");
            assertTrue(((String) path.properties().get(DataPath.SESSION_ID)).matches("80[0-9a-f]{10}:0001"),
                    "the session id is ISID:TSIH, was " + path.properties().get(DataPath.SESSION_ID));
            assertEquals(6, path.properties().size(), "every DataPath property is set");
        }
    }

    @Test
    void answersTheTargetsOwnNopInPing() throws Exception {
        FakeTarget target = new FakeTarget();
        try (Harness h = new Harness(target, DEFAULTS)) {
            IscsiPath path = h.start();
            target.onNextRead.set((connection, command) -> {
                ByteBuffer ping = connection.noStatus(0x20, 0x80, -1);
                ping.putInt(20, 0x1234);
                connection.wire.send(ping, null);
                connection.dataIn(command, new byte[512]);
            });
            Commands.read(path, 0, new byte[512]);
            Commands.run(path, ScsiCommand.noData(Cdb.testUnitReady()));
            assertEquals(List.of(0x1234), target.pingAnswers, "a NOP-Out echoing the target transfer tag answers the ping");
        }
    }

    @Test
    void deliversCheckConditionWithSenseAndResiduals() throws Exception {
        FakeTarget target = new FakeTarget();
        try (Harness h = new Harness(target, DEFAULTS)) {
            IscsiPath path = h.start();
            target.onNextRead.set((connection, command) ->
                    connection.respond(command, 0x02, org.hbateam.api.scsi.SenseData.fixed(3, 0x11, 0).bytes()));
            ScsiResult error = Commands.read(path, 0, new byte[512]);
            assertEquals(0x02, error.status(), "CHECK CONDITION reaches the caller as the target's answer");
            assertEquals(3, error.sense().senseKey(), "MEDIUM ERROR sense key");
            assertEquals(0x11, error.sense().asc(), "the ASC from the sense data");
            ScsiResult inquiry = Commands.run(path, ScsiCommand.read(Cdb.inquiry(96), ByteBuffer.allocate(96)));
            assertEquals(60, inquiry.residual(), "36 bytes of 96 came: an underflow residual of 60");
        }
    }

    @Test
    void writesAndReadsBackThroughR2tWithASmallMaxBurstLength() throws Exception {
        FakeTarget target = new FakeTarget();
        target.maxBurstLength = 4096;
        target.firstBurstLength = 1024;
        target.maxRecvDataSegmentLength = 1024;
        target.initialR2T = true;
        target.immediateData = true;
        try (Harness h = new Harness(target, DEFAULTS)) {
            IscsiPath path = h.start();
            byte[] data = new byte[65536];
            new Random(7).nextBytes(data);
            assertEquals(ScsiResult.GOOD, Commands.write(path, 0, data), "the write completes GOOD");
            byte[] back = new byte[65536];
            Commands.read(path, 0, back);
            assertArrayEquals(data, back, "what was written through R2T/Data-Out reads back");
            assertEquals(List.of(), target.violations, "the initiator obeyed R2T, FirstBurstLength and MaxRecvDataSegmentLength");
            assertTrue(target.dataOutSizes.stream().allMatch(s -> s <= 1024), "no Data-Out beyond 1024 bytes: " + target.dataOutSizes);
        }
    }

    @Test
    void sendsUnsolicitedDataOutUpToFirstBurstLengthWhenInitialR2tIsNo() throws Exception {
        FakeTarget target = new FakeTarget();
        target.initialR2T = false;
        target.immediateData = false;
        target.firstBurstLength = 8192;
        target.maxRecvDataSegmentLength = 2048;
        try (Harness h = new Harness(target, DEFAULTS)) {
            IscsiPath path = h.start();
            byte[] data = new byte[32768];
            new Random(9).nextBytes(data);
            Commands.write(path, 8, data);
            byte[] back = new byte[32768];
            Commands.read(path, 8, back);
            assertArrayEquals(data, back, "unsolicited plus solicited data reads back");
            assertEquals(List.of(), target.violations, "no unsolicited data beyond FirstBurstLength");
        }
    }

    @Test
    void neverSendsBeyondMaxCmdSnAndQueuesInstead() throws Exception {
        FakeTarget target = new FakeTarget();
        target.window = 1;
        try (Harness h = new Harness(target, DEFAULTS)) {
            IscsiPath path = h.start();
            List<Commands.Counting> callbacks = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Commands.Counting callback = new Commands.Counting();
                callbacks.add(callback);
                path.submit(ScsiCommand.read(Cdb.read16(i, 1), ByteBuffer.allocate(512)), callback);
            }
            for (Commands.Counting callback : callbacks) {
                assertInstanceOf(ScsiResult.class, callback.outcome(), "every queued command completes");
                assertEquals(1, callback.calls.get(), "exactly one callback per command");
            }
            assertEquals(List.of(), target.violations, "no CmdSN beyond MaxCmdSN, none out of order");
        }
    }

    @Test
    void concurrentSubmittersThroughASmallWindowEachGetTheirOwnDataBack() throws Exception {
        FakeTarget target = new FakeTarget();
        target.window = 4;
        target.maxBurstLength = 8192;
        try (Harness h = new Harness(target, DEFAULTS)) {
            IscsiPath path = h.start();
            List<Thread> submitters = new ArrayList<>();
            List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int t = 0; t < 6; t++) {
                int thread = t;
                submitters.add(new Thread(() -> {
                    try {
                        for (int i = 0; i < 20; i++) {
                            long lba = (thread * 20L + i) * 8;
                            byte[] data = new byte[4096];
                            new Random(lba).nextBytes(data);
                            Commands.write(path, lba, data);
                            byte[] back = new byte[4096];
                            Commands.read(path, lba, back);
                            if (!java.util.Arrays.equals(data, back)) {
                                problems.add("LBA " + lba + " read back different data");
                            }
                        }
                    } catch (Exception e) {
                        problems.add(e.toString());
                    }
                }));
            }
            submitters.forEach(Thread::start);
            for (Thread submitter : submitters) {
                submitter.join();
            }
            assertEquals(List.of(), problems, "every command completes with its own data");
            assertEquals(List.of(), target.violations, "the window, R2T and ordering rules held under concurrency");
        }
    }

    @Test
    void aSilentLinkIsDetectedByNopTimeoutAndFailsInFlightCommandsOnce() throws Exception {
        FakeTarget target = new FakeTarget();
        try (Harness h = new Harness(target, ChapCredentials.none(), DEFAULTS, 100, 300)) {
            IscsiPath path = h.start();
            target.answerNops = false;
            target.onNextRead.set((connection, command) -> { });
            Commands.Counting callback = new Commands.Counting();
            path.submit(ScsiCommand.read(Cdb.read16(0, 1), ByteBuffer.allocate(512)), callback);
            PathException error = assertInstanceOf(PathException.class, callback.outcome(), "the command must fail");
            assertEquals(PathException.Reason.TIMEOUT, error.reason(), "a dead link is a timeout: " + error);
            String down = h.nextState();
            assertTrue(down.startsWith("DOWN") && down.contains("NOP-Out"), "the path goes DOWN saying why: " + down);
            assertEquals(1, callback.calls.get(), "exactly one callback");
        }
    }

    @Test
    void abortSendsAbortTaskAndFailsTheCommandWithAborted() throws Exception {
        FakeTarget target = new FakeTarget();
        try (Harness h = new Harness(target, DEFAULTS)) {
            IscsiPath path = h.start();
            target.onNextRead.set((connection, command) -> { });
            ScsiCommand command = ScsiCommand.read(Cdb.read16(0, 1), ByteBuffer.allocate(512));
            Commands.Counting callback = new Commands.Counting();
            path.submit(command, callback);
            Commands.run(path, ScsiCommand.noData(Cdb.testUnitReady())); // the READ is surely in flight now
            path.abort(command);
            PathException error = assertInstanceOf(PathException.class, callback.outcome(), "the command must fail");
            assertEquals(PathException.Reason.ABORTED, error.reason(), "an aborted command reports ABORTED");
            assertEquals(1, target.taskManagementRequests.get(), "one ABORT TASK went to the target");
            assertEquals(1, callback.calls.get(), "exactly one callback");
        }
    }

    @Test
    void aRefusedAbortTaskEscalatesToLogicalUnitReset() throws Exception {
        FakeTarget target = new FakeTarget();
        target.abortTaskResponse = 5;
        try (Harness h = new Harness(target, DEFAULTS)) {
            IscsiPath path = h.start();
            target.onNextRead.set((connection, command) -> { });
            ScsiCommand command = ScsiCommand.read(Cdb.read16(0, 1), ByteBuffer.allocate(512));
            Commands.Counting callback = new Commands.Counting();
            path.submit(command, callback);
            Commands.run(path, ScsiCommand.noData(Cdb.testUnitReady()));
            path.abort(command);
            PathException error = assertInstanceOf(PathException.class, callback.outcome(), "the command must fail");
            assertEquals(PathException.Reason.ABORTED, error.reason(), "the reset aborts it: " + error);
            assertTrue(error.getMessage().contains("LOGICAL UNIT RESET"), "the reset did it: " + error.getMessage());
            assertEquals(List.of(1, 5), target.taskManagementFunctions, "ABORT TASK, then LOGICAL UNIT RESET");
        }
    }

    @Test
    void unansweredTaskManagementEscalatesAndFinallyDropsTheConnection() throws Exception {
        FakeTarget target = new FakeTarget();
        target.answerTaskManagement = false;
        try (Harness h = new Harness(target, DEFAULTS)) {
            IscsiPath path = h.start();
            target.onNextRead.set((connection, command) -> { });
            ScsiCommand command = ScsiCommand.read(Cdb.read16(0, 1), ByteBuffer.allocate(512));
            Commands.Counting callback = new Commands.Counting();
            path.submit(command, callback);
            Commands.run(path, ScsiCommand.noData(Cdb.testUnitReady()));
            path.abort(command);
            PathException error = assertInstanceOf(PathException.class, callback.outcome(), "the command must fail");
            assertEquals(PathException.Reason.ABORTED, error.reason(), "given up after the reset went unanswered: " + error);
            assertEquals(List.of(1, 5), target.taskManagementFunctions, "ABORT TASK, then LOGICAL UNIT RESET, each timed out");
            assertTrue(h.nextState().startsWith("DOWN"), "the connection was dropped");
            assertEquals(1, callback.calls.get(), "exactly one callback");
        }
    }

    @Test
    void aTargetRequestedLogoutEndsInLogoutAndReconnect() throws Exception {
        FakeTarget target = new FakeTarget();
        try (Harness h = new Harness(target, DEFAULTS)) {
            IscsiPath path = h.start();
            target.onNextRead.set((connection, command) -> {
                ByteBuffer message = connection.status(0x32, 0x80, -1);
                message.put(36, (byte) 1).putShort(42, (short) 1);
                connection.wire.send(message, null);
                connection.dataIn(command, new byte[512]);
            });
            byte[] into = new byte[512];
            assertTrue(Commands.read(path, 0, into).isGood(), "the command in flight still completes");
            assertTrue(h.nextState().startsWith("DOWN: the session logged out"), "the logout takes the path down for a moment");
            assertEquals("UP: logged in", h.nextState(), "and the driver logs in again");
            assertEquals(2, target.logins.get(), "a second login after the requested logout");
        }
    }

    @Test
    void probeIsANopOutPingThatFailsWhenTheLinkIsSilent() throws Exception {
        FakeTarget target = new FakeTarget();
        try (Harness h = new Harness(target, ChapCredentials.none(), DEFAULTS, 100, 300)) {
            IscsiPath path = h.start();
            Commands.Counting alive = new Commands.Counting();
            path.probe(alive);
            assertEquals(ScsiResult.GOOD, alive.outcome(), "the target answers the NOP-Out: GOOD");
            target.answerNops = false;
            Commands.Counting silent = new Commands.Counting();
            path.probe(silent);
            PathException error = assertInstanceOf(PathException.class, silent.outcome(), "no answer: the probe fails");
            assertEquals(PathException.Reason.TIMEOUT, error.reason(), "the dead link is a timeout: " + error);
            assertEquals(1, silent.calls.get(), "exactly one callback");
        }
    }

    @Test
    void stoppingTheAdapterFailsHeldCommandsAndWithdrawsThePath() throws Exception {
        FakeTarget target = new FakeTarget();
        Harness h = new Harness(target, DEFAULTS);
        try {
            IscsiPath path = h.start();
            target.answerNops = false;
            target.onNextRead.set((connection, command) -> { });
            Commands.Counting callback = new Commands.Counting();
            path.submit(ScsiCommand.read(Cdb.read16(0, 1), ByteBuffer.allocate(512)), callback);
            Commands.run(path, ScsiCommand.noData(Cdb.testUnitReady()));
            h.adapter.stop();
            PathException error = assertInstanceOf(PathException.class, callback.outcome(), "the held command fails");
            assertEquals(PathException.Reason.PATH_REMOVED, error.reason(), "the driver stopping removes the path: " + error);
            assertEquals(List.of(path), h.unpublished, "the path service is withdrawn");
            Commands.Counting late = new Commands.Counting();
            path.submit(ScsiCommand.noData(Cdb.testUnitReady()), late);
            assertEquals(PathException.Reason.PATH_DOWN, ((PathException) late.outcome()).reason(), "a stopped path fails at once");
        } finally {
            h.close();
        }
    }
}
