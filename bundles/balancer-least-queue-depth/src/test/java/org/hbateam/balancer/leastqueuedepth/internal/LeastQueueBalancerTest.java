package org.hbateam.balancer.leastqueuedepth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hbateam.api.balancer.Balancer;
import org.hbateam.api.scsi.Direction;
import org.hbateam.balancer.testkit.FakePathSet;
import org.hbateam.balancer.testkit.FakeTeamView;
import org.junit.jupiter.api.Test;

class LeastQueueBalancerTest {
    private static Balancer balancerFor(FakePathSet paths) {
        return new LeastQueueBalancerFactory().create(new FakeTeamView("t", paths));
    }

    @Test
    void picksTheShallowestQueue() {
        FakePathSet paths = FakePathSet.ofSize(3);
        paths.inFlight(0, 5, 0);
        paths.inFlight(1, 2, 0);
        paths.inFlight(2, 3, 0);
        assertEquals(1, balancerFor(paths).select(paths, Direction.WRITE, 4096), "slot 1 has the fewest commands in flight");
    }

    @Test
    void tiesRotate() {
        FakePathSet paths = FakePathSet.ofSize(3);
        Balancer balancer = balancerFor(paths);
        int[] counts = new int[3];
        for (int i = 0; i < 300; i++) {
            counts[balancer.select(paths, Direction.READ, 4096)]++;
        }
        assertEquals(100, counts[0], "equal depths should rotate evenly (slot 0)");
        assertEquals(100, counts[1], "equal depths should rotate evenly (slot 1)");
        assertEquals(100, counts[2], "equal depths should rotate evenly (slot 2)");
    }

    @Test
    void failedSlotIsNeverChosenEvenWhenIdle() {
        FakePathSet paths = FakePathSet.ofSize(2);
        paths.inFlight(1, 9, 0);
        Balancer balancer = balancerFor(paths);
        paths.fail(0);
        assertEquals(1, balancer.select(paths, Direction.READ, 4096), "the idle slot is failed, so the busy one is used");
        paths.fail(1);
        assertEquals(Balancer.NO_PATH, balancer.select(paths, Direction.READ, 4096), "NO_PATH when nothing is usable");
        assertTrue(balancer.status().contains("p1=9"), "status shows queue depths: " + balancer.status());
    }
}
