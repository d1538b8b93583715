package org.hbateam.itests.iscsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.hbateam.api.path.PathState;
import org.hbateam.api.team.Team;
import org.hbateam.balancer.static_.internal.StaticBalancerFactory;
import org.hbateam.driver.iscsi.internal.IscsiPath;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.test.workload.VerifyingLoad;
import org.hbateam.testbed.BedConfig;
import org.hbateam.testbed.TestBed;
import org.hbateam.testbed.TestBedExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real team: two iSCSI adapters, each on its own host address and portal of a 2-path bed, whose paths go to
 * the real failover service with the static balancer, all with default settings. Under concurrent verified
 * load: a silent cable pull of a carrying link, and a target crash and restart. The caller must see no error
 * and every byte must read back right, through the team, through one path directly and through libiscsi.
 */
@ExtendWith(TestBedExtension.class)
@BedConfig(paths = 2, size = "64M")
class TeamFailoverE2eTest {
    private static final int THREADS = 4;
    private static final int BLOCKS_PER_THREAD = 4096;
    private static final int MAX_BLOCKS_PER_COMMAND = 128;
    /** Each test works on its own fresh (zeroed) 8 MiB of the bed's LUN, which the class shares. */
    private static final long CABLE_PULL_REGION = 0;
    private static final long RESTART_REGION = 16L << 20;

    @Test
    void aSilentCablePullUnderLoadLosesNothingAndThePathReturns(TestBed bed) throws Exception {
        try (E2eTeam t = new E2eTeam(bed, FailoverSettings.defaults())) {
            IscsiPath cutPath = t.one;
            IscsiPath otherPath = t.two;
            Team team = t.team;
            VerifyingLoad load = new VerifyingLoad(team, CABLE_PULL_REGION, THREADS, BLOCKS_PER_THREAD, MAX_BLOCKS_PER_COMMAND, 50);
            load.start();
            try {
                assertTrue(load.awaitMore(300), "the load runs before the cut: " + load.summary());
                assertTrue(t.info(cutPath).commands() > 0, "path 1 carries I/O before the cut: " + team.paths());

                long cutAt = System.nanoTime();
                bed.cut(1);
                E2eTeam.waitFor("path 1 is held out after the cut", () -> !t.usable(cutPath));
                long heldOutMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cutAt);
                assertTrue(load.awaitMore(300), "I/O continues on path 2 after the cut: " + load.summary());
                long commandsWhileCut = t.info(cutPath).commands();

                bed.restore(1);
                long restoredAt = System.nanoTime();
                E2eTeam.waitFor("path 1 carries I/O again after the restore",
                        () -> t.info(cutPath).commands() > commandsWhileCut && t.usable(cutPath));
                long backMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restoredAt);
                assertTrue(load.awaitMore(100), "the load runs over both paths again: " + load.summary());
                System.out.printf("cable pull: path 1 held out %d ms after the cut, carried I/O again %d ms after the restore; %s%n",
                        heldOutMs, backMs, load.summary());
            } finally {
                load.stop();
            }
            assertEquals(0, load.errors(), "no error reached the caller: " + load.summary());
            assertEquals(0, load.corruptBlocks(), "every read during the load matched the model: " + load.summary());
            assertEquals(0, load.verify(Readers.direct(otherPath), "path 2 alone"), "every block reads back right through path 2 alone: " + load.summary());
            for (int owner = 0; owner < THREADS; owner += 3) {
                assertEquals(0, load.verifyOwner(owner, Readers.libiscsi(bed, 2), "libiscsi through path 2"),
                        "libiscsi through path 2 reads what the team wrote for thread " + owner + ": " + load.summary());
            }
        }
    }

    @Test
    void aTargetRestartUnderLoadIsRidden(TestBed bed) throws Exception {
        try (E2eTeam t = new E2eTeam(bed, FailoverSettings.defaults())) {
            IscsiPath one = t.one;
            IscsiPath two = t.two;
            Team team = t.team;
            long oldTarget = bed.targetPid();
            VerifyingLoad load = new VerifyingLoad(team, RESTART_REGION, THREADS, BLOCKS_PER_THREAD, MAX_BLOCKS_PER_COMMAND, 50);
            load.start();
            try {
                assertTrue(load.awaitMore(300), "the load runs before the restart: " + load.summary());
                bed.killTarget();
                long killedAt = System.nanoTime();
                // Let the team see every path fail, so the restart happens while commands wait for a path.
                E2eTeam.waitFor("both paths fail once the target is gone",
                        () -> !t.usable(one) && !t.usable(two));
                bed.restartTarget();
                long restartedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
                assertTrue(load.awaitMore(300), "I/O resumes after the restart: " + load.summary());
                long resumedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
                System.out.printf("target restart: tgtd back %d ms and 300 more commands done %d ms after the kill; %s%n",
                        restartedMs, resumedMs, load.summary());
            } finally {
                load.stop();
            }
            assertNotEquals(oldTarget, bed.targetPid(), "tgtd really was a new process");
            assertEquals(0, load.errors(), "no error reached the caller: " + load.summary());
            assertEquals(0, load.corruptBlocks(), "every read during the load matched the model: " + load.summary());
            E2eTeam.waitFor("path 1 logged in to the new target", () -> one.state() == PathState.UP);
            assertEquals(0, load.verify(Readers.direct(one), "path 1 alone"), "every block reads back right through path 1 alone: " + load.summary());
            assertEquals(0, load.verifyOwner(1, Readers.libiscsi(bed, 2), "libiscsi through path 2"),
                    "libiscsi through path 2 reads what the team wrote: " + load.summary());
        }
    }
}
