package org.hbateam.balancer.roundrobin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.hbateam.api.balancer.Balancer;
import org.hbateam.api.scsi.Direction;
import org.hbateam.balancer.testkit.FakePathSet;
import org.hbateam.balancer.testkit.FakeTeamView;
import org.junit.jupiter.api.Test;

class RoundRobinBalancerTest {
    private static int[] selections(Balancer balancer, FakePathSet paths, int count) {
        int[] chosen = new int[count];
        for (int i = 0; i < count; i++) {
            chosen[i] = balancer.select(paths, i % 2 == 0 ? Direction.READ : Direction.WRITE, 512L << i % 7);
        }
        return chosen;
    }

    @Test
    void rotatesThroughTheSlotsWhateverTheSizeOrDirection() {
        FakePathSet paths = FakePathSet.ofSize(3);
        Balancer balancer = new RoundRobinBalancerFactory().create(new FakeTeamView("t", paths));
        assertEquals("[0, 1, 2, 0, 1, 2, 0]", Arrays.toString(selections(balancer, paths, 7)), "plain rotation expected");
    }

    @Test
    void failedSlotIsSkippedWithoutGivingItsNeighbourADoubleTurn() {
        FakePathSet paths = FakePathSet.ofSize(3);
        Balancer balancer = new RoundRobinBalancerFactory().create(new FakeTeamView("t", paths));
        paths.fail(1);
        balancer.pathFailed(paths, 1);
        assertEquals("[0, 2, 0, 2, 0, 2]", Arrays.toString(selections(balancer, paths, 6)),
            "the failed slot is skipped and the others alternate evenly");
        assertEquals(50.0, balancer.share(paths, 2, Direction.READ), 1e-9, "two usable slots show half each");
        assertTrue(balancer.status().startsWith("round-robin: read p0=50.0 p1=0.0 p2=50.0"), balancer.status());
    }

    @Test
    void noUsableSlotGivesNoPath() {
        FakePathSet paths = FakePathSet.ofSize(2);
        Balancer balancer = new RoundRobinBalancerFactory().create(new FakeTeamView("t", paths));
        paths.fail(0);
        paths.fail(1);
        assertEquals(Balancer.NO_PATH, balancer.select(paths, Direction.READ, 512), "NO_PATH when nothing is usable");
        assertEquals(Balancer.NO_PATH, balancer.select(new FakePathSet(), Direction.READ, 512), "NO_PATH for an empty team");
    }
}
