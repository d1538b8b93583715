package org.hbateam.balancer.dynamic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hbateam.api.balancer.Balancer;
import org.hbateam.api.scsi.Direction;
import org.hbateam.balancer.testkit.FakePathSet;
import org.hbateam.balancer.testkit.FakeTeamView;
import org.hbateam.balancer.testkit.Workload;
import org.junit.jupiter.api.Test;

class DynamicBalancerFactoryTest {
    /** A factory whose timer never fires during a test (one hour), so ticks are driven by hand. */
    static final class Quiet {
        Balancer create(FakeTeamView team) {
            DynamicBalancerFactory factory = new DynamicBalancerFactory(new DynamicSettings(3_600_000L, 10, 10));
            try {
                return factory.create(team);
            } finally {
                factory.deactivate();
            }
        }
    }

    @Test
    void timerStopsOnDeactivateAndLeavesNoThread() {
        DynamicBalancerFactory factory = new DynamicBalancerFactory(new DynamicSettings(1, 10, 10));
        assertFalse(factory.timerStopped(), "an active factory has its timer running");
        factory.deactivate();
        assertTrue(factory.timerStopped(), "deactivate must stop the timer and end its thread");
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().equals(TimerThreads.NAME)),
            "no dynamic balancer thread may be left");
    }

    @Test
    void invalidParametersAreRejectedNamingTheKeyAndThePreviousStay() {
        DynamicBalancerFactory factory = new DynamicBalancerFactory(new DynamicSettings(3_600_000L, 20, 5));
        try {
            DynamicSettings before = factory.parameters();
            factory.modified(Configs.of(0, 20, 5));
            factory.modified(Configs.of(1000, -1, 5));
            factory.modified(Configs.of(1000, 20, 100.5));
            factory.modified(Configs.of(1000, Double.NaN, 5));
            assertEquals(before, factory.parameters(), "invalid parameters must leave the previous ones in force");
            factory.modified(Configs.of(1000, 20, 5, "capacity-aware", 3, 25));
            factory.modified(Configs.of(1000, 20, 5, "relaxed", 0, 25));
            factory.modified(Configs.of(1000, 20, 5, "relaxed", 3, -1));
            assertEquals(before, factory.parameters(), "an unknown mode or a bad relaxed-mode key must leave the previous ones in force");
            factory.modified(Configs.of(2000, 0, 100));
            assertEquals(new DynamicSettings(2000, 0, 100), factory.parameters(), "valid parameters apply, bounds included");
        } finally {
            factory.deactivate();
        }
    }

    @Test
    void validationMessagesNameTheKey() {
        assertTrue(message(Configs.of(-5, 10, 10)).startsWith("timerIntervalMs "), "the interval key is named");
        assertTrue(message(Configs.of(10, 101, 10)).startsWith("changeThresholdPercent "), "the threshold key is named");
        assertTrue(message(Configs.of(10, 10, -0.1)).startsWith("lbChangePercent "), "the change key is named");
    }

    @Test
    void invalidConfigurationAtActivationFallsBackToTheDefaults() {
        DynamicBalancerFactory factory = new DynamicBalancerFactory(Configs.of(-1, 10, 10));
        try {
            assertEquals(DynamicSettings.DEFAULTS, factory.parameters(), "with nothing previous, the defaults apply");
        } finally {
            factory.deactivate();
        }
    }

    @Test
    void tickReachesLiveBalancersOnlyUntilTheyClose() {
        DynamicBalancerFactory factory = new DynamicBalancerFactory(new DynamicSettings(3_600_000L, 10, 10));
        try {
            FakePathSet paths = new FakePathSet("shared", "own");
            Balancer balancer = factory.create(new FakeTeamView("a", paths));
            new Workload(balancer, paths, 1).run(1000);
            paths.addAdapterTraffic("shared", Direction.READ, 1L << 30);
            factory.tick();
            assertEquals(45.0, balancer.share(paths, 0, Direction.READ), 1e-9, "a live balancer is ticked");
            balancer.close();
            paths.addAdapterTraffic("shared", Direction.READ, 1L << 30);
            factory.tick();
            assertEquals(45.0, balancer.share(paths, 0, Direction.READ), 1e-9, "a closed balancer is no longer ticked");
        } finally {
            factory.deactivate();
        }
    }

    private static String message(DynamicConfiguration config) {
        return assertThrows(IllegalArgumentException.class, () -> DynamicSettings.from(config),
            "invalid parameters must be rejected").getMessage();
    }
}
