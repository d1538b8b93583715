package org.hbateam.itests.iscsi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.hbateam.api.path.CommandCallback;
import org.hbateam.api.path.PathException;
import org.hbateam.api.path.PathState;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.driver.iscsi.internal.IscsiPath;
import org.hbateam.driver.iscsi.internal.login.ChapCredentials;
import org.hbateam.driver.iscsi.internal.login.Proposal;
import org.hbateam.testbed.BedConfig;
import org.hbateam.testbed.TestBed;
import org.hbateam.testbed.TestBedExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The driver's side of failover on the real bed: a silent cable pull is found by NOP-Out timeout, the
 * path goes DOWN and every command in flight fails exactly once; when the link returns, or the target
 * restarts, the driver logs in again and the path comes back UP with the data intact.
 */
@ExtendWith(TestBedExtension.class)
@BedConfig(paths = 1, size = "64M")
class PathFailureE2eTest {
    @Test
    void aSilentCablePullFailsInFlightCommandsOnceAndThePathReturns(TestBed bed) throws Exception {
        try (E2eAdapter driver = new E2eAdapter(bed, 1, Proposal.defaults(), ChapCredentials.none(), false, 300, 700)) {
            IscsiPath path = driver.path(1);
            byte[] data = new byte[1 << 20];
            new Random(21).nextBytes(data);
            E2eAdapter.write(path, 0, data);
            bed.cut(1);
            List<Outcome> inFlight = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Outcome outcome = new Outcome();
                inFlight.add(outcome);
                path.submit(ScsiCommand.read(Cdb.read16(i * 256L, 256), ByteBuffer.allocate(131072)), outcome);
            }
            assertEquals(PathState.DOWN, driver.nextState(), "the dead link takes the path DOWN");
            for (Outcome outcome : inFlight) {
                PathException error = assertInstanceOf(PathException.class, outcome.get(E2eAdapter.GUARD_SECONDS, TimeUnit.SECONDS),
                        "a command on a dead link fails");
                assertTrue(error.reason() == PathException.Reason.TIMEOUT || error.reason() == PathException.Reason.PATH_DOWN,
                        "it fails as a timeout (in flight) or path down (submitted after): " + error);
                assertEquals(1, outcome.calls.get(), "exactly one callback per command");
            }
            bed.restore(1);
            assertEquals(PathState.UP, driver.nextState(), "the driver logs in again when the link returns");
            byte[] back = new byte[data.length];
            E2eAdapter.read(path, 0, back);
            assertArrayEquals(data, back, "the data is intact after the outage");
            String connections = bed.status().get("CONNECTIONS");
            assertEquals(1, connections.split(",").length,
                    "the new login with the same ISID reinstated the session instead of adding one: " + connections);
        }
    }

    @Test
    void aTargetRestartIsRecoveredWithTheDataIntact(TestBed bed) throws Exception {
        try (E2eAdapter driver = new E2eAdapter(bed, 1, Proposal.defaults(), ChapCredentials.none(), false, 300, 700)) {
            IscsiPath path = driver.path(1);
            byte[] data = new byte[262144];
            new Random(22).nextBytes(data);
            E2eAdapter.write(path, 4096, data);
            bed.restartTarget();
            assertEquals(PathState.DOWN, driver.nextState(), "the restart drops the session");
            assertEquals(PathState.UP, driver.nextState(), "the driver logs in to the restarted target");
            byte[] back = new byte[data.length];
            E2eAdapter.read(path, 4096, back);
            assertArrayEquals(data, back, "what was written before the restart reads back");
        }
    }

    /** Records the outcome and counts callbacks. */
    private static final class Outcome extends CompletableFuture<Object> implements CommandCallback {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public void completed(ScsiCommand command, ScsiResult result) {
            calls.incrementAndGet();
            complete(result);
        }

        @Override
        public void failed(ScsiCommand command, PathException error) {
            calls.incrementAndGet();
            complete(error);
        }
    }
}
