package org.hbateam.balancer.dynamic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hbateam.api.balancer.Balancer;
import org.hbateam.api.scsi.Direction;
import org.hbateam.balancer.testkit.FakePathSet;
import org.hbateam.balancer.testkit.FakeTeamView;
import org.hbateam.balancer.testkit.Workload;
import org.junit.jupiter.api.Test;

class DynamicBalancerTest {
    private static final DynamicSettings PARAMETERS = DynamicSettings.DEFAULTS;

    @Test
    void pathOnABusySharedAdapterLosesShareOverTicks() {
        FakePathSet paths = new FakePathSet("shared", "own");
        DynamicBalancer balancer = new DynamicBalancer(new FakeTeamView("a", paths), b -> { });
        Workload workload = new Workload(balancer, paths, 1);
        double previous = balancer.rawShare(0, Direction.READ);
        for (int tick = 0; tick < 10; tick++) {
            workload.run(2000);
            paths.addAdapterTraffic("shared", Direction.READ, 100L << 20); // team B saturating the shared adapter
            balancer.tick(PARAMETERS);
            double now = balancer.rawShare(0, Direction.READ);
            assertTrue(now < previous, "tick " + tick + ": the path on the busy adapter should lose read share, "
                + previous + " -> " + now);
            previous = now;
        }
        assertEquals(50.0 * Math.pow(0.9, 10), previous, 1e-6, "it should lose LBChange% = 10% of its share per tick");
        assertEquals(100.0 - previous, balancer.rawShare(1, Direction.READ), 1e-6, "the other path gets what it lost");
        assertEquals(50.0, balancer.rawShare(0, Direction.WRITE), 1e-9, "writes were not congested and keep their share");
    }

    @Test
    void sharesStayPutWhenTrafficFollowsThem() {
        FakePathSet paths = FakePathSet.ofSize(3).shares(Direction.READ, 50, 30, 20);
        DynamicBalancer balancer = new DynamicBalancer(new FakeTeamView("a", paths), b -> { });
        Workload workload = new Workload(balancer, paths, 2);
        for (int tick = 0; tick < 5; tick++) {
            workload.run(5000);
            balancer.tick(PARAMETERS);
        }
        assertEquals(50.0, balancer.rawShare(0, Direction.READ), 1e-9, "without foreign traffic no path is congested");
        assertEquals(20.0, balancer.rawShare(2, Direction.READ), 1e-9, "without foreign traffic no path is congested");
    }

    @Test
    void betweenTicksItRoutesWithTheStaticRuleOnTheNewShares() {
        FakePathSet paths = new FakePathSet("shared", "own");
        FakeTeamView team = new FakeTeamView("a", paths);
        DynamicBalancer balancer = new DynamicBalancer(team, b -> { });
        new Workload(balancer, paths, 3).run(1000);
        paths.addAdapterTraffic("shared", Direction.READ, 1L << 30);
        balancer.tick(PARAMETERS);
        assertEquals(1, team.windowRestarts(), "a tick that moves share restarts the team's window");

        Workload after = new Workload(balancer, paths, 4).run(100_000);
        assertEquals(45.0, after.windowPercent(0, Direction.READ), 1.0, "reads should follow the new 45% share");
        assertEquals(50.0, after.windowPercent(0, Direction.WRITE), 1.0, "writes keep their 50% share");
    }

    @Test
    void creationStartsFromTheConfiguredShares() {
        FakePathSet paths = FakePathSet.ofSize(2).shares(Direction.READ, 70, 30).shares(Direction.WRITE, 20, 80);
        Balancer balancer = new DynamicBalancerFactoryTest.Quiet().create(new FakeTeamView("a", paths));
        assertEquals(70.0, balancer.share(paths, 0, Direction.READ), 1e-9, "switching to dynamic starts from the configured read share");
        assertEquals(80.0, balancer.share(paths, 1, Direction.WRITE), 1e-9, "switching to dynamic starts from the configured write share");
        assertTrue(balancer.status().startsWith("dynamic: read p0=70.0 p1=30.0; write"), "status shows shares: " + balancer.status());
    }

    @Test
    void reconfiguredSharesAreTakenAtTheNextTick() {
        FakePathSet paths = FakePathSet.ofSize(2);
        DynamicBalancer balancer = new DynamicBalancer(new FakeTeamView("a", paths), b -> { });
        paths.shares(Direction.READ, 90, 10);
        balancer.tick(PARAMETERS);
        assertEquals(90.0, balancer.rawShare(0, Direction.READ), 1e-9, "a changed configuration recomputes the shares");
    }

    @Test
    void reinstatedPathGetsItsShareNotABurst() {
        FakePathSet paths = FakePathSet.ofSize(2);
        DynamicBalancer balancer = new DynamicBalancer(new FakeTeamView("a", paths), b -> { });
        Workload workload = new Workload(balancer, paths, 5).run(10_000);
        paths.fail(1);
        balancer.pathFailed(paths, 1);
        workload.run(10_000);
        balancer.tick(PARAMETERS);
        assertEquals(50.0, balancer.rawShare(1, Direction.READ), 1e-9, "a failed path keeps its share while excluded");
        paths.reinstate(1);
        balancer.pathReinstated(paths, 1);
        int onReinstated = 0;
        for (int i = 0; i < 1000; i++) {
            onReinstated += workload.one(Direction.READ, 4096) == 1 ? 1 : 0;
        }
        assertEquals(500, onReinstated, 2, "the reinstated path should take its half, not everything");
    }

    @Test
    void membershipChangeStartsAgainFromTheConfiguredShares() {
        FakePathSet paths = new FakePathSet("shared", "own");
        DynamicBalancer balancer = new DynamicBalancer(new FakeTeamView("a", paths), b -> { });
        new Workload(balancer, paths, 6).run(1000);
        paths.addAdapterTraffic("shared", Direction.READ, 1L << 30);
        balancer.tick(PARAMETERS);
        FakePathSet three = FakePathSet.ofSize(3).shares(Direction.READ, 20, 30, 50);
        balancer.pathsChanged(three);
        assertEquals(30.0, balancer.rawShare(1, Direction.READ), 1e-9, "new paths start from their configured shares");
        assertEquals(Balancer.NO_PATH, noneUsable(balancer, three), "no usable path gives NO_PATH");
    }

    @Test
    void relaxedModeGivesTheShareBackOnceTheCongestionIsOver() {
        DynamicSettings relaxed = new DynamicSettings(1000, 10, 10, ShareMode.RELAXED, 3, 25);
        FakePathSet paths = new FakePathSet("shared", "own");
        DynamicBalancer balancer = new DynamicBalancer(new FakeTeamView("a", paths), b -> { });
        Workload workload = new Workload(balancer, paths, 7);
        for (int tick = 0; tick < 10; tick++) { // team B keeps the shared adapter busy: slow and full
            workload.run(2000);
            paths.addAdapterTraffic("shared", Direction.READ, 100L << 20);
            paths.latency(0, 5_000_000);
            paths.latency(1, 1_000_000);
            balancer.tick(relaxed);
        }
        double low = balancer.rawShare(0, Direction.READ);
        assertTrue(low < 20, "the congested path lost share as in the patent's mode: " + low);
        int ticks = 0;
        paths.latency(0, 1_000_000); // team B stopped
        while (balancer.rawShare(0, Direction.READ) < 50.0 - 1e-9 && ticks < 30) {
            workload.run(2000);
            balancer.tick(relaxed);
            ticks++;
        }
        assertEquals(50.0, balancer.rawShare(0, Direction.READ), 1e-9, "the configured share comes back");
        assertTrue(ticks <= 3 + 8, "3 quiet ticks, then 5 points a tick: back within 11 ticks, took " + ticks);
        assertTrue(balancer.status().startsWith("dynamic relaxed: "), "status names the mode: " + balancer.status());
    }

    @Test
    void patentModeKeepsTheShareAwayAfterTheCongestion() {
        FakePathSet paths = new FakePathSet("shared", "own");
        DynamicBalancer balancer = new DynamicBalancer(new FakeTeamView("a", paths), b -> { });
        Workload workload = new Workload(balancer, paths, 8);
        for (int tick = 0; tick < 10; tick++) {
            workload.run(2000);
            paths.addAdapterTraffic("shared", Direction.READ, 100L << 20);
            balancer.tick(PARAMETERS);
        }
        double low = balancer.rawShare(0, Direction.READ);
        for (int tick = 0; tick < 20; tick++) {
            workload.run(2000);
            balancer.tick(PARAMETERS);
        }
        assertEquals(low, balancer.rawShare(0, Direction.READ), 1e-9, "FIG. 5 never moves share back");
    }

    private static int noneUsable(Balancer balancer, FakePathSet paths) {
        for (int slot = 0; slot < paths.size(); slot++) {
            paths.fail(slot);
        }
        return balancer.select(paths, Direction.WRITE, 512);
    }
}
