package org.hbateam.itests.iscsi;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.hbateam.api.path.PathState;
import org.hbateam.driver.iscsi.internal.IscsiPath;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.test.workload.BlockModel;
import org.hbateam.test.workload.VerifyingLoad;
import org.hbateam.testbed.BedConfig;
import org.hbateam.testbed.TestBed;
import org.hbateam.testbed.TestBedExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11, fenced failover, on the real bed: a command sent on a path is retried elsewhere only once that path
 * can no longer run it, so an acknowledged write is never overtaken by its own ghost, and one command's or one
 * path's trouble stays its own. Every test writes generation-stamped blocks, reads them back through the team
 * while it runs, and at the end through the team, through the other path alone and from the LUN file; stale
 * blocks (older than acknowledged) and application errors are asserted apart.
 */
@ExtendWith(TestBedExtension.class)
@BedConfig(paths = 2, size = "128M")
class FencedFailoverE2eTest {
    /** Each test works on its own fresh (zeroed) region of the bed's LUN, which the class shares (chains: 64 MiB). */
    private static final long MIB = 1L << 20;
    private static final long CONGEST_REGION = 0;
    private static final long RESTART_REGION = 8 * MIB;
    private static final long REFUSED_REGION = 40 * MIB;
    private static final long CHAIN_REGION = 48 * MIB;
    /** How long each congestion episode holds path 1's packets: 1 to 4 s, as the fault did. */
    /** Longer than the default no-path retry (15 s), after which the cascade failed the application. */
    private static final long CHAIN_CUT_SECONDS = 20;
    private static final long[] HOLD_MILLIS = {1500, 4000, 2500, 1000, 3000, 2000, 3500};
    /**
     * The congested path fails once per episode: keep the flaky hold-down (5 failures a minute) out of the way,
     * and reinstate a path after 2 s of health, so every episode finds path 1 carrying I/O again.
     */
    private static final FailoverSettings CONGEST_CONFIG = congestConfig();

    @Test
    void aCongestedLinkNeverLetsAGhostWriteOvertakeAnAcknowledgedOne(TestBed bed) throws Exception {
        try (E2eTeam t = new E2eTeam(bed, CONGEST_CONFIG)) {
            // Few blocks per thread, so the held writes' blocks are written again while they wait.
            VerifyingLoad load = new VerifyingLoad(t.team, CONGEST_REGION, 10, 256, 32, 50);
            load.start();
            try {
                assertTrue(load.awaitMore(200), "the load runs before the congestion: " + load.summary());
                for (int episode = 0; episode < HOLD_MILLIS.length; episode++) {
                    t.awaitCarrying(t.one, 20, "path 1 carries I/O before episode " + episode + ": " + load.summary());
                    bed.congest(1);
                    try {
                        Thread.sleep(HOLD_MILLIS[episode]); // the fault's length, not a wait for a condition
                    } finally {
                        bed.release(1);
                    }
                }
                // Let what was held land and be overtaken, and read it back, while the load still runs.
                assertTrue(load.awaitMore(300), "the load runs after the last release: " + load.summary());
            } finally {
                load.stop();
            }
            CleanRun.of(load.model(), t, t.two, bed).assertClean(load.errors(), load::summary);
        }
    }

    @ParameterizedTest(name = "tgtd down {0} s")
    @ValueSource(ints = {2, 9, 20})
    void aTargetRestartShorterThanNoPathRetryCostsNothing(int outageSeconds, TestBed bed) throws Exception {
        FailoverSettings defaults = FailoverSettings.defaults();
        FailoverSettings config = defaults.withNoPathRetryMs(30000).withFencing(30000, defaults.targetRetryMs());
        try (E2eTeam t = new E2eTeam(bed, config)) {
            long region = RESTART_REGION + (outageSeconds == 2 ? 0 : outageSeconds == 9 ? 8 : 16) * MIB;
            VerifyingLoad load = new VerifyingLoad(t.team, region, 8, 512, 64, 50);
            load.start();
            boolean resumed;
            long resumedMs;
            try {
                assertTrue(load.awaitMore(200), "the load runs before the crash: " + load.summary());
                bed.killTarget();
                long killedAt = System.nanoTime();
                Thread.sleep(TimeUnit.SECONDS.toMillis(outageSeconds)); // the outage's length
                bed.restartTarget();
                resumed = load.awaitMore(300);
                resumedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
            } finally {
                load.stop();
            }
            System.out.printf("target down %d s: 300 commands done %d ms after the kill; %s%n", outageSeconds,
                    resumedMs, load.summary());
            boolean resumedAfterRestart = resumed;
            boolean twoUp = awaitUp(t.two);
            List<Executable> checks = new ArrayList<>(List.of(
                    () -> assertTrue(resumedAfterRestart, "I/O resumed after the restart: " + load.summary()),
                    () -> assertTrue(twoUp, "path 2 logged in to the new target: " + t.view(t.two))));
            checks.addAll(CleanRun.of(load.model(), t, t.two, bed).checks(load.errors(), load::summary));
            assertAll("tgtd killed and started again " + outageSeconds + " s later", checks.stream());
        }
    }

    /** Waits (hang guard) for the driver to log {@code path} in; returns whether it did. */
    private static boolean awaitUp(IscsiPath path) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(E2eAdapter.GUARD_SECONDS);
        while (path.state() != PathState.UP && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        return path.state() == PathState.UP;
    }

    @Test
    void aSilentCutWhileCompletionsChainLeavesTheOtherPathUp(TestBed bed) throws Exception {
        try (E2eTeam t = new E2eTeam(bed, FailoverSettings.defaults())) {
            // 128 chains of writes up to 512 KiB: path 1's reader, answering R2Ts with 256 KiB bursts, blocks on
            // the cut link's full send buffer under the send lock, and path 2's reader, whose completions submit
            // to path 1, blocks behind it. Fewer chains or smaller writes rarely fill that buffer on this bed.
            BlockModel model = new BlockModel(CHAIN_REGION, t.team.blockSize(), 128, 1024);
            ChainLoad load = new ChainLoad(t.team, model, 1024);
            load.start();
            PathWatch watch = new PathWatch(Map.of("path 2", () -> t.view(t.two)));
            t.second.states.clear();
            long duringCut;
            boolean resumed;
            try {
                assertTrue(load.awaitMore(200), "the chains run before the cut: " + load.summary());
                long beforeCut = load.completed();
                bed.cut(1);
                // Watch for longer than a no-path retry: the cascade of the issue failed commands after 15 s.
                Thread.sleep(TimeUnit.SECONDS.toMillis(CHAIN_CUT_SECONDS));
                duringCut = load.completed() - beforeCut;
                bed.restore(1);
                resumed = load.awaitMore(200);
            } finally {
                load.stop();
                watch.close();
            }
            List<String> changes = watch.changes();
            List<PathState> driverStates = List.copyOf(t.second.states);
            long completedDuringCut = duringCut;
            boolean resumedAfterRestore = resumed;
            List<Executable> checks = new ArrayList<>(List.of(
                    () -> assertEquals(List.of(), changes, "path 2 stayed UP and usable the whole time: " + load.summary()),
                    () -> assertEquals(List.of(), driverStates, "path 2's driver reported no state change"),
                    () -> assertTrue(completedDuringCut > 200, "the chains went on during the cut ("
                            + completedDuringCut + " commands): " + load.summary()),
                    () -> assertTrue(resumedAfterRestore, "the chains went on after the restore: " + load.summary())));
            checks.addAll(CleanRun.of(model, t, t.two, bed).checks(load.errors(), load::summary));
            assertAll("path 1 cut silently under chained completions", checks.stream());
        }
    }

    @Test
    void aCommandTheDriverCannotCarryFailsAloneOnABusyTeam(TestBed bed) throws Exception {
        try (E2eTeam t = new E2eTeam(bed, FailoverSettings.defaults())) {
            VerifyingLoad load = new VerifyingLoad(t.team, REFUSED_REGION, 6, 512, 64, 50);
            load.start();
            PathWatch watch = new PathWatch(Map.of("path 1", () -> t.view(t.one), "path 2", () -> t.view(t.two)));
            t.first.states.clear();
            t.second.states.clear();
            Throwable failure;
            boolean loadWentOn;
            try {
                assertTrue(load.awaitMore(200), "the load runs before the odd command: " + load.summary());
                failure = RefusedCommand.failureOf(t.team, RefusedCommand.read32(REFUSED_REGION / 512, 1, t.team.blockSize()));
                loadWentOn = load.awaitMore(200);
            } finally {
                load.stop();
                watch.close();
            }
            Throwable refusal = failure;
            boolean wentOn = loadWentOn;
            List<String> changes = watch.changes();
            List<PathState> driverStates = new ArrayList<>(t.first.states);
            driverStates.addAll(t.second.states);
            List<Executable> checks = new ArrayList<>(List.of(
                    () -> assertTrue(RefusedCommand.isRefusal(refusal), "it failed as REFUSED: " + RefusedCommand.describe(refusal)),
                    () -> assertEquals(List.of(), changes, "no path changed state: " + load.summary()),
                    () -> assertEquals(List.of(), driverStates, "no driver reported a state change"),
                    () -> assertTrue(wentOn, "the load went on after the odd command: " + load.summary())));
            checks.addAll(CleanRun.of(load.model(), t, t.two, bed).checks(load.errors(), load::summary));
            assertAll("a 32-byte CDB on a busy team", checks.stream());
        }
    }

    /** flakyFailures 1000 and failbackStableMs 2000: the flaky hold-down must not end the congestion episodes. */
    private static FailoverSettings congestConfig() {
        FailoverSettings defaults = FailoverSettings.defaults();
        return defaults.withFlaky(1000, defaults.flakyWindowMs(), defaults.flakyHoldDownMs())
                .withFailback(defaults.failback(), 2000);
    }
}
