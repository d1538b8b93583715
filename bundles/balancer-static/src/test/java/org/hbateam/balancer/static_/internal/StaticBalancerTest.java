package org.hbateam.balancer.static_.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hbateam.api.balancer.Balancer;
import org.hbateam.api.scsi.Direction;
import org.hbateam.balancer.testkit.FakePathSet;
import org.hbateam.balancer.testkit.FakeTeamView;
import org.hbateam.balancer.testkit.Workload;
import org.junit.jupiter.api.Test;

class StaticBalancerTest {
    private static Balancer balancerFor(FakePathSet paths) {
        return new StaticBalancerFactory().create(new FakeTeamView("t", paths));
    }

    @Test
    void convergesToConfiguredSharesForReadsAndWritesSeparately() {
        FakePathSet paths = FakePathSet.ofSize(3).shares(Direction.READ, 50, 30, 20).shares(Direction.WRITE, 10, 60, 30);
        Workload workload = new Workload(balancerFor(paths), paths, 42).run(100_000);

        int[] read = {50, 30, 20};
        int[] write = {10, 60, 30};
        for (int slot = 0; slot < 3; slot++) {
            assertEquals(read[slot], workload.windowPercent(slot, Direction.READ), 1.0,
                "read bytes of slot " + slot + " should be within 1% of its configured share");
            assertEquals(write[slot], workload.windowPercent(slot, Direction.WRITE), 1.0,
                "write bytes of slot " + slot + " should be within 1% of its configured share");
        }
    }

    @Test
    void pathWithNoBytesIsInfinitelyAttractive() {
        FakePathSet paths = FakePathSet.ofSize(2).shares(Direction.READ, 99, 1);
        paths.dispatched(0, Direction.READ, 1);
        assertEquals(1, balancerFor(paths).select(paths, Direction.READ, 4096),
            "a path with 0 bytes should win even against one with 99% share and 1 byte");
    }

    @Test
    void tiesGoToTheLeastRecentlyChosenPath() {
        FakePathSet paths = FakePathSet.ofSize(3).shares(Direction.READ, 34, 33, 33);
        Balancer balancer = balancerFor(paths);
        // No bytes are counted, so every selection is a tie on value: the rotation must come from recency.
        int[] chosen = new int[6];
        for (int i = 0; i < chosen.length; i++) {
            chosen[i] = balancer.select(paths, Direction.READ, 4096);
        }
        assertEquals("[0, 1, 2, 0, 1, 2]", java.util.Arrays.toString(chosen),
            "equal values should rotate to the least recently chosen path");
    }

    @Test
    void failedPathShareIsSpreadInProportion() {
        FakePathSet paths = FakePathSet.ofSize(3).shares(Direction.READ, 50, 30, 20);
        Balancer balancer = balancerFor(paths);
        paths.fail(0);
        balancer.pathFailed(paths, 0);
        Workload workload = new Workload(balancer, paths, 7);
        for (int i = 0; i < 50_000; i++) {
            workload.one(Direction.READ, 512L * (1 + i % 97));
        }
        assertEquals(0, workload.unusableSelections(), "the failed path must not be selected");
        assertEquals(60.0, workload.windowPercent(1, Direction.READ), 1.0, "30/(30+20) of the bytes should go to slot 1");
        assertEquals(40.0, workload.windowPercent(2, Direction.READ), 1.0, "20/(30+20) of the bytes should go to slot 2");
        assertEquals(60.0, balancer.share(paths, 1, Direction.READ), 1e-9, "displayed share of slot 1 is 30/(30+20)");
        assertEquals(0.0, balancer.share(paths, 0, Direction.READ), 0.0, "a failed path shows no share");
    }

    @Test
    void fullShareGivesFailoverOnlyBehaviour() {
        FakePathSet paths = FakePathSet.ofSize(3).shares(Direction.WRITE, 0, 100, 0);
        Balancer balancer = balancerFor(paths);
        Workload workload = new Workload(balancer, paths, 3);
        for (int i = 0; i < 1000; i++) {
            assertEquals(1, workload.one(Direction.WRITE, 4096), "the 100% path should carry every write while usable");
        }
        paths.fail(1);
        balancer.pathFailed(paths, 1);
        for (int i = 0; i < 1000; i++) {
            workload.one(Direction.WRITE, 4096);
        }
        assertEquals(50.0, workload.windowPercent(0, Direction.WRITE), 1.0,
            "with the 100% path failed, the zero-share paths should split the writes evenly");
    }

    @Test
    void reinstatedPathGetsItsShareNotABurst() {
        FakePathSet paths = FakePathSet.ofSize(2);
        Balancer balancer = balancerFor(paths);
        Workload workload = new Workload(balancer, paths, 11).run(10_000);
        paths.fail(1);
        balancer.pathFailed(paths, 1);
        workload.run(10_000);
        paths.reinstate(1); // the team restarts its window here
        balancer.pathReinstated(paths, 1);

        int onReinstated = 0;
        for (int i = 0; i < 1000; i++) {
            if (workload.one(Direction.READ, 4096) == 1) {
                onReinstated++;
            }
        }
        assertEquals(500, onReinstated, 2, "the reinstated path should take its half of the next reads, not all of them");
    }

    @Test
    void noUsablePathGivesNoPath() {
        FakePathSet paths = FakePathSet.ofSize(2);
        Balancer balancer = balancerFor(paths);
        paths.fail(0);
        paths.fail(1);
        assertEquals(Balancer.NO_PATH, balancer.select(paths, Direction.READ, 512), "no usable path means NO_PATH");
        assertEquals(0.0, balancer.share(paths, 0, Direction.READ), 0.0, "no share without a usable path");
    }

    @Test
    void membershipChangeStartsFromTheNewSet() {
        FakePathSet paths = FakePathSet.ofSize(2);
        FakeTeamView team = new FakeTeamView("t", paths);
        Balancer balancer = new StaticBalancer(team);
        FakePathSet bigger = FakePathSet.ofSize(4);
        team.replacePaths(bigger);
        balancer.pathsChanged(bigger);
        Workload workload = new Workload(balancer, bigger, 5).run(4000);
        for (int slot = 0; slot < 4; slot++) {
            assertEquals(25.0, workload.windowPercent(slot, Direction.READ), 1.0, "each of four equal paths gets a quarter");
        }
        assertTrue(balancer.status().startsWith("static: read p0=25.0"), "status shows the shares: " + balancer.status());
    }

    @Test
    void commandsWithoutDataArePlacedWithTheReadShares() {
        FakePathSet paths = FakePathSet.ofSize(2).shares(Direction.READ, 100, 0).shares(Direction.WRITE, 0, 100);
        Balancer balancer = balancerFor(paths);
        assertEquals(0, balancer.select(paths, Direction.NONE, 0), "a no-data command follows the read shares");
        assertEquals(100.0, balancer.share(paths, 0, Direction.NONE), 1e-9, "NONE shows the read shares");
    }
}
