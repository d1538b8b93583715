package org.hbateam.balancer.servicetime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hbateam.api.balancer.Balancer;
import org.hbateam.api.scsi.Direction;
import org.hbateam.balancer.testkit.FakePathSet;
import org.hbateam.balancer.testkit.FakeTeamView;
import org.junit.jupiter.api.Test;

class ServiceTimeBalancerTest {
    private static final long MB = 1_000_000L;

    private static Balancer balancerFor(FakePathSet paths) {
        return new ServiceTimeBalancerFactory().create(new FakeTeamView("t", paths));
    }

    @Test
    void fasterPathWinsDespiteALongerQueue() {
        FakePathSet paths = FakePathSet.ofSize(2);
        paths.throughput(0, 100 * MB);
        paths.throughput(1, 300 * MB);
        paths.inFlight(0, 1, 1 * MB);
        paths.inFlight(1, 2, 2 * MB);
        // (1 MB + 64 KiB) / 100 MB/s = 10.6 ms against (2 MB + 64 KiB) / 300 MB/s = 6.9 ms
        assertEquals(1, balancerFor(paths).select(paths, Direction.READ, 65536), "slot 1 finishes the command sooner");
    }

    @Test
    void commandSizeCountsAgainstTheSlowPath() {
        FakePathSet paths = FakePathSet.ofSize(2);
        paths.throughput(0, 100 * MB);
        paths.throughput(1, 300 * MB);
        paths.inFlight(1, 3, 3 * MB);
        assertEquals(0, balancerFor(paths).select(paths, Direction.WRITE, 512), "a tiny command fits the idle slow path");
        // 8 MB: 8/100 = 80 ms against 11/300 = 36.7 ms
        assertEquals(1, balancerFor(paths).select(paths, Direction.WRITE, 8 * MB), "a big command goes to the fast path");
    }

    @Test
    void equalEstimatesGoToTheHigherThroughput() {
        FakePathSet paths = FakePathSet.ofSize(2);
        paths.throughput(0, 100 * MB);
        paths.throughput(1, 200 * MB);
        paths.inFlight(0, 1, MB - 1000);
        paths.inFlight(1, 2, 2 * MB - 1000); // (1 MB)/100 = (2 MB)/200
        assertEquals(1, balancerFor(paths).select(paths, Direction.READ, 1000), "on equal service time the faster path wins");
    }

    @Test
    void unmeasuredPathCountsAsFastAsTheFastestMeasured() {
        FakePathSet paths = FakePathSet.ofSize(2);
        paths.throughput(0, 300 * MB);
        paths.inFlight(0, 1, MB);
        assertEquals(1, balancerFor(paths).select(paths, Direction.READ, 4096), "the idle unmeasured path gets tried");
    }

    @Test
    void withNothingMeasuredTheFewestBytesInFlightWinAndTiesRotate() {
        FakePathSet paths = FakePathSet.ofSize(3);
        paths.inFlight(0, 1, 8192);
        Balancer balancer = balancerFor(paths);
        assertEquals(1, balancer.select(paths, Direction.READ, 4096), "first of the idle slots");
        assertEquals(2, balancer.select(paths, Direction.READ, 4096), "ties rotate to the next idle slot");
        assertEquals(1, balancer.select(paths, Direction.READ, 4096), "and back, skipping the busier slot 0");
    }

    @Test
    void noUsableSlotGivesNoPath() {
        FakePathSet paths = FakePathSet.ofSize(2);
        Balancer balancer = balancerFor(paths);
        paths.fail(0);
        paths.fail(1);
        assertEquals(Balancer.NO_PATH, balancer.select(paths, Direction.READ, 512), "NO_PATH when nothing is usable");
        assertTrue(balancer.status().startsWith("service-time: p0=0B@0B/s"), "status shows queues: " + balancer.status());
    }
}
