package org.hbateam.driver.iscsi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.hbateam.api.path.PathState;
import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;
import org.hbateam.balancer.static_.internal.StaticBalancerFactory;
import org.hbateam.failover.internal.E2eFailover;
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
        try (E2eFailover failover = new E2eFailover(Map.of());
             E2eAdapter first = new E2eAdapter(bed, 1, failover);
             E2eAdapter second = new E2eAdapter(bed, 2, failover)) {
            failover.useBalancer(new StaticBalancerFactory(), "static");
            IscsiPath cutPath = first.path(1);
            IscsiPath otherPath = second.path(1);
            Team team = failover.team(cutPath.luIdentity());
            assertEquals(2, team.paths().size(), "both portals' paths joined one team: " + team.paths());
            TeamLoad load = new TeamLoad(team, CABLE_PULL_REGION, THREADS, BLOCKS_PER_THREAD, MAX_BLOCKS_PER_COMMAND);
            load.start();
            try {
                assertTrue(load.awaitMore(300), "the load runs before the cut: " + load.summary());
                assertTrue(info(team, cutPath).commands() > 0, "path 1 carries I/O before the cut: " + team.paths());

                long cutAt = System.nanoTime();
                bed.cut(1);
                waitFor("path 1 is held out after the cut", () -> !failover.status(team.name(), cutPath.id()).usable());
                long heldOutMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cutAt);
                assertTrue(load.awaitMore(300), "I/O continues on path 2 after the cut: " + load.summary());
                long commandsWhileCut = info(team, cutPath).commands();

                bed.restore(1);
                long restoredAt = System.nanoTime();
                waitFor("path 1 carries I/O again after the restore",
                        () -> info(team, cutPath).commands() > commandsWhileCut && failover.status(team.name(), cutPath.id()).usable());
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
        try (E2eFailover failover = new E2eFailover(Map.of());
             E2eAdapter first = new E2eAdapter(bed, 1, failover);
             E2eAdapter second = new E2eAdapter(bed, 2, failover)) {
            failover.useBalancer(new StaticBalancerFactory(), "static");
            IscsiPath one = first.path(1);
            IscsiPath two = second.path(1);
            Team team = failover.team(one.luIdentity());
            assertEquals(2, team.paths().size(), "both portals' paths joined one team: " + team.paths());
            long oldTarget = bed.targetPid();
            TeamLoad load = new TeamLoad(team, RESTART_REGION, THREADS, BLOCKS_PER_THREAD, MAX_BLOCKS_PER_COMMAND);
            load.start();
            try {
                assertTrue(load.awaitMore(300), "the load runs before the restart: " + load.summary());
                bed.killTarget();
                long killedAt = System.nanoTime();
                // Let the team see every path fail, so the restart happens while commands wait for a path.
                waitFor("both paths fail once the target is gone",
                        () -> !failover.status(team.name(), one.id()).usable() && !failover.status(team.name(), two.id()).usable());
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
            waitFor("path 1 logged in to the new target", () -> one.state() == PathState.UP);
            assertEquals(0, load.verify(Readers.direct(one), "path 1 alone"), "every block reads back right through path 1 alone: " + load.summary());
            assertEquals(0, load.verifyOwner(1, Readers.libiscsi(bed, 2), "libiscsi through path 2"),
                    "libiscsi through path 2 reads what the team wrote: " + load.summary());
        }
    }

    private static PathInfo info(Team team, IscsiPath path) {
        return team.paths().stream().filter(p -> p.pathId().equals(path.id())).findFirst()
                .orElseThrow(() -> new AssertionError("the team lost path " + path.id() + ": " + team.paths()));
    }

    /** Polls a condition; the guard only prevents a hang, the assertion is on the condition. */
    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(E2eAdapter.GUARD_SECONDS);
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), what);
    }
}
