package org.hbateam.itests.felix;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.streamBundle;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.Predicate;

import javax.inject.Inject;

import org.hbateam.api.team.NoUsablePathException;
import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;
import org.hbateam.api.team.TeamException;
import org.hbateam.driver.sim.SimulatedFaults;
import org.hbateam.failover.admin.FailoverAdmin;
import org.hbateam.failover.admin.PathStatus;
import org.hbateam.failover.admin.TeamStatus;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The failover scenarios of issue 4 on the simulated driver, each in a fresh framework, each under
 * concurrent load (4 threads, mixed reads and writes) and each ending with a byte-exact read-back through a
 * surviving path, bypassing the team. Each prints one line: commands issued, completed, retried (the failover
 * service's count) and failed. Only the scenario that outlasts {@code noPathRetryMs} may see failures. Each
 * also checks that the events of its transitions arrive once per transition, not once per command.
 * A driver bundle stopped under load is here for a vendor driver built at test time (the medium survives, so it
 * reads back) and in {@link FailoverIT#stoppingTheDriverBundleUnderLoadLosesNoCompletion} for the simulated
 * driver itself.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class FailoverScenariosIT extends FelixTestSupport {
    private static final String TEAM = SimulatedTeam.LU_IDENTITY;
    private static final String VENDOR_BUNDLE = "org.hbateam.itests.vendor";
    private static final String VENDOR_ADAPTER = "vhba0";

    @Inject
    private BundleContext context;
    @Inject
    private ConfigurationAdmin configAdmin;
    @Inject
    private SimulatedFaults faults;
    @Inject
    private FailoverAdmin admin;

    private SimulatedTeam bed;
    private Workload workload;
    private EventRecorder events;

    @Configuration
    public Option[] config() {
        return options(runtime(), fromProperty("bundle.api"), fromProperty("bundle.sim"), fromProperty("bundle.failover"),
                streamBundle(VendorDriverBundle.build(VENDOR_BUNDLE, VENDOR_ADAPTER, "hba1")).noStart());
    }

    @After
    public void cleanUp() throws Exception {
        if (workload != null) {
            workload.stop();
        }
        if (events != null) {
            events.close();
        }
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    public void aCutPath() throws Exception {
        Team team = loadedTeam();
        PathInfo carrying = busiest(team);
        faults.cutPath(carrying.pathId());
        workload.awaitCompleted(800, 20_000);

        PathInfo survivor = otherThan(team, carrying);
        finish("cut path", team, survivor, "");
        assertTrue("the surviving path carries the I/O after the cut", commandsOn(team, survivor) > 0);
        assertEquals("one path/DOWN for the cut path " + events.byTopic(), 1, events.count(EventRecorder.PATH_DOWN, carrying.pathId()));
        assertEquals("one FAILOVER " + events.byTopic(), 1, events.count(EventRecorder.FAILOVER));
        assertEquals("no ALL_PATHS_DOWN while a path is left " + events.byTopic(), 0, events.count(EventRecorder.ALL_PATHS_DOWN));
    }

    @Test
    public void aBlackHoledPathIsDetectedByTheAdaptiveTimeout() throws Exception {
        Team team = loadedTeam();
        PathInfo carrying = busiest(team);
        long start = System.nanoTime();
        faults.blackHolePath(carrying.pathId());
        awaitPath(carrying.pathId(), PathStatus::heldOut, "held out after its commands time out");
        long detectedMs = (System.nanoTime() - start) / 1_000_000;
        workload.awaitCompleted(800, 20_000);

        finish("black-holed path", team, otherThan(team, carrying), "detected after ~" + detectedMs + " ms");
        events.await(EventRecorder.PATH_DOWN, 1, 5_000);
        assertEquals("one path/DOWN for the black hole " + events.byTopic(), 1, events.count(EventRecorder.PATH_DOWN, carrying.pathId()));
        assertEquals("one FAILOVER " + events.byTopic(), 1, events.count(EventRecorder.FAILOVER));
        assertTrue("the silent path was failed by a command timeout", events.reasons(EventRecorder.PATH_DOWN).stream()
                .allMatch(reason -> reason.startsWith("TIMEOUT")));
        assertTrue("a retry moved each held command to the other path", status().retries() > 0);
    }

    @Test
    public void aSlowPathIsNotFailedAndTheTeamKeepsGoing() throws Exception {
        Team team = loadedTeam();
        PathInfo carrying = busiest(team);
        long before = commandsOn(team, carrying);
        faults.slowPath(carrying.pathId(), 20);
        workload.awaitCompleted(800, 30_000);

        PathStatus slow = pathStatus(carrying.pathId());
        finish("slow path x20", team, carrying, "slow path avg latency " + slow.averageLatencyNanos() / 1000 + " us, timeout "
                + slow.timeoutMillis() + " ms");
        assertTrue("the slow path stays in service: " + slow, slow.usable() && !slow.heldOut());
        assertTrue("and keeps carrying the I/O", commandsOn(team, carrying) > before + 800);
        assertEquals("no false positive: no path/DOWN " + events.byTopic(), 0, events.count(EventRecorder.PATH_DOWN));
        assertEquals("no failover", 0, status().failovers());
    }

    @Test
    public void aPathThatFlapsTwentyTimesIsHeldDownAsFlaky() throws Exception {
        int flakyFailures = 5;
        Team team = loadedTeam("failback", "immediate", "flakyFailures", flakyFailures, "flakyHoldDownMs", 60_000L);
        String flapping = busiest(team).pathId();
        boolean heldDown = false;
        for (int flap = 0; flap < 20; flap++) {
            faults.cutPath(flapping);
            awaitPath(flapping, PathStatus::heldOut, "held out after cut " + flap);
            // Its path/DOWN is posted after the failure has been counted: restore only then, or a restore could
            // race the hold-down decision.
            events.awaitCount(EventRecorder.PATH_DOWN, flapping, Math.min(flap + 1, flakyFailures + 1), 10_000);
            faults.restorePath(flapping);
            heldDown = pathStatus(flapping).flaky();
            if (!heldDown) {
                awaitPath(flapping, PathStatus::usable, "back at once after restore " + flap + " (immediate failback)");
            }
            workload.awaitCompleted(20, 10_000);
        }
        workload.awaitCompleted(200, 20_000);

        PathStatus status = pathStatus(flapping);
        finish("flapping path x20", team, otherThan(team, pathInfo(team, flapping)), "");
        assertTrue("after more than " + flakyFailures + " failures the path is held down as flaky: " + status,
                heldDown && status.flaky() && !status.usable());
        events.await(EventRecorder.FLAKY, 1, 5_000);
        assertEquals("FLAKY once " + events.byTopic(), 1, events.count(EventRecorder.FLAKY, flapping));
        assertEquals("path/DOWN once per failure until the hold-down, not once per cut or per command " + events.byTopic(),
                flakyFailures + 1, events.count(EventRecorder.PATH_DOWN, flapping));
        assertEquals("path/UP once per reinstatement before the hold-down " + events.byTopic(),
                flakyFailures, events.count(EventRecorder.PATH_UP, flapping));
        assertEquals("a FAILOVER with each path/DOWN " + events.byTopic(), flakyFailures + 1, events.count(EventRecorder.FAILOVER));
        assertEquals("a FAILBACK with each path/UP " + events.byTopic(), flakyFailures, events.count(EventRecorder.FAILBACK));
    }

    @Test
    public void allPathsDownThenOneBackWithinNoPathRetry() throws Exception {
        Team team = loadedTeam("noPathRetryMs", 30_000L);
        PathInfo back = leastBusy(team);
        faults.cutAdapter("hba0");
        faults.cutAdapter("hba1");
        events.await(EventRecorder.ALL_PATHS_DOWN, 1, 5_000);
        Thread.sleep(500);
        int queued = status().queuedCommands();
        long completedBefore = workload.completed();
        long start = System.nanoTime();
        faults.restoreAdapter(back.adapterId());
        awaitCompletedAfter(completedBefore, 30_000);
        long resumedMs = (System.nanoTime() - start) / 1_000_000;
        workload.awaitCompleted(400, 20_000);

        finish("all down, one back", team, back, "queued=" + queued + " resumed " + resumedMs + " ms after the path came back");
        assertTrue("commands waited while no path was usable", queued > 0);
        assertEquals("ALL_PATHS_DOWN once per outage " + events.byTopic(), 1, events.count(EventRecorder.ALL_PATHS_DOWN));
        assertEquals("path/DOWN once per path " + events.byTopic(), 2, events.count(EventRecorder.PATH_DOWN));
        assertEquals("path/UP once for the path that came back " + events.byTopic(), 1, events.count(EventRecorder.PATH_UP, back.pathId()));
    }

    @Test
    public void allPathsDownPastNoPathRetryFailsEachQueuedCommandOnceNamingTheTeam() throws Exception {
        long noPathRetryMs = 1500;
        Team team = loadedTeam("noPathRetryMs", noPathRetryMs);
        PathInfo back = leastBusy(team);
        faults.cutAdapter("hba0");
        faults.cutAdapter("hba1");
        Thread.sleep(2 * noPathRetryMs + 1000);
        long failedWhileDown = workload.failed();
        faults.restoreAdapter("hba0");
        faults.restoreAdapter("hba1");
        workload.awaitCompleted(400, 30_000);

        workload.stop();
        report("all down past noPathRetry", "failed while down=" + failedWhileDown);
        assertTrue("commands outlasting noPathRetryMs failed: " + workload.summary(), failedWhileDown > 0);
        assertEquals("every failure is a NoUsablePathException: " + workload.failuresByType(),
                workload.failed(), workload.failuresOf(NoUsablePathException.class));
        for (Exception failure : workload.failures()) {
            assertEquals("the error names the team: " + failure, TEAM, ((TeamException) failure).team());
            assertTrue("and says so in its message: " + failure, failure.getMessage().contains(TEAM));
        }
        assertEquals("each command has exactly one outcome (none lost, none twice): " + workload.summary(),
                workload.issued(), workload.completed() + workload.failed());
        assertEquals("no thread hung and nothing else went wrong: " + workload.problems(),
                workload.failed(), workload.problems().size());
        assertEquals("ALL_PATHS_DOWN once per outage " + events.byTopic(), 1, events.count(EventRecorder.ALL_PATHS_DOWN));
        assertEquals("every block read back through " + back.pathId() + " holds what was written (or, for a failed write, "
                + "what was there or what it carried)", 0, workload.verify(new DirectPathIo(bed.path(back.adapterId()), team.blockSize())));
    }

    @Test
    public void aNewDriverBundleStartedUnderLoadJoinsTheTeamAndCarriesIo() throws Exception {
        Team team = loadedTeamConfigured(new Object[0], "luIdentity", TEAM, "primary", VENDOR_ADAPTER);
        vendorDriver().start();
        bed.awaitTeam(3);
        workload.awaitCompleted(800, 20_000);

        PathInfo joined = vendorPath(team);
        finish("new driver bundle", team, joined, "vendor path commands=" + joined.commands());
        assertTrue("the new driver's path, the configured primary, carries the I/O: " + team.paths(), joined.commands() > 0);
        assertEquals("no path failed " + events.byTopic(), 0, events.count(EventRecorder.PATH_DOWN));
    }

    /**
     * The vendor driver carrying the I/O stops under load: what it held completes on the simulated paths and the
     * medium (which the simulated driver keeps) reads back intact. {@link FailoverIT} stops the simulated driver
     * itself, which takes the medium with it.
     */
    @Test
    public void aDriverBundleStoppedUnderLoadHandsItsCommandsToTheOtherPaths() throws Exception {
        Team team = loadedTeamConfigured(new Object[0], "luIdentity", TEAM, "primary", VENDOR_ADAPTER);
        Bundle vendor = vendorDriver();
        vendor.start();
        bed.awaitTeam(3);
        workload.awaitCompleted(400, 20_000);
        long onVendor = vendorPath(team).commands();
        vendor.stop();
        bed.awaitTeam(2);
        workload.awaitCompleted(800, 20_000);

        PathInfo survivor = team.paths().get(0);
        finish("driver bundle stopped", team, survivor, "vendor path carried " + onVendor + " before the stop");
        assertTrue("the stopped driver's path carried the I/O before", onVendor > 0);
        assertTrue("the simulated paths carry it now", team.paths().stream().mapToLong(PathInfo::commands).sum() > 0);
    }

    // ---- scenario plumbing ----

    private Team loadedTeam(Object... failoverSettings) throws Exception {
        return loadedTeamConfigured(failoverSettings);
    }

    /** Two simulated paths to one LUN, the given settings, events recorded, and the load running. */
    private Team loadedTeamConfigured(Object[] failoverSettings, Object... teamSettings) throws Exception {
        events = new EventRecorder(context);
        bed = new SimulatedTeam(context, configAdmin).failover(failoverSettings);
        if (teamSettings.length > 0) {
            bed.team(teamSettings);
        }
        bed.adapter("hba0", 400).adapter("hba1", 400).lun(64, "hba0", "hba1");
        Team team = bed.awaitTeam(2);
        workload = new Workload(team, 4, 512, 16, 0.3);
        workload.start();
        workload.awaitCompleted(300, 20_000);
        return team;
    }

    /** Stops the load, prints the report line, checks nothing failed, and reads every block back through one path. */
    private void finish(String scenario, Team team, PathInfo readThrough, String detail) throws Exception {
        workload.stop();
        report(scenario, detail);
        assertEquals("no command may fail: " + workload.summary(), 0, workload.failed());
        assertTrue("nothing may go wrong: " + workload.summary(), workload.problems().isEmpty());
        assertEquals("every block read back through " + readThrough.pathId() + ", bypassing the team, must hold what was written",
                0, workload.verify(new DirectPathIo(bed.path(readThrough.adapterId()), team.blockSize())));
    }

    private void report(String scenario, String detail) {
        System.out.println(ScenarioReport.line(scenario, workload, status(), detail + " events=" + events.byTopic()));
    }

    private TeamStatus status() {
        return admin.status(TEAM).orElseThrow(() -> new AssertionError("team " + TEAM + " exists"));
    }

    private PathStatus pathStatus(String pathId) {
        return status().paths().stream().filter(p -> p.pathId().equals(pathId)).findFirst()
                .orElseThrow(() -> new AssertionError("path " + pathId + " is in the team"));
    }

    private void awaitPath(String pathId, Predicate<PathStatus> condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.test(pathStatus(pathId))) {
            assertFalse("path " + pathId + " should be " + what + " within 20 s: " + pathStatus(pathId),
                    System.currentTimeMillis() > deadline);
            Thread.sleep(5);
        }
    }

    private void awaitCompletedAfter(long completed, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (workload.completed() <= completed) {
            assertFalse("a command should complete within " + timeoutMillis + " ms", System.currentTimeMillis() > deadline);
            Thread.sleep(1);
        }
    }

    private static PathInfo busiest(Team team) {
        return team.paths().stream().max(Comparator.comparingLong(PathInfo::commands)).orElseThrow();
    }

    private Bundle vendorDriver() {
        return Arrays.stream(context.getBundles()).filter(b -> VENDOR_BUNDLE.equals(b.getSymbolicName()))
                .findFirst().orElseThrow(() -> new AssertionError("the vendor driver bundle is installed"));
    }

    private static PathInfo vendorPath(Team team) {
        return team.paths().stream().filter(p -> p.adapterId().equals(VENDOR_ADAPTER)).findFirst()
                .orElseThrow(() -> new AssertionError("the vendor path is in the team: " + team.paths()));
    }

    private static PathInfo otherThan(Team team, PathInfo path) {
        return team.paths().stream().filter(p -> !p.pathId().equals(path.pathId())).findFirst().orElseThrow();
    }

    private static PathInfo leastBusy(Team team) {
        return team.paths().stream().min(Comparator.comparingLong(PathInfo::commands)).orElseThrow();
    }

    private static PathInfo pathInfo(Team team, String pathId) {
        return team.paths().stream().filter(p -> p.pathId().equals(pathId)).findFirst().orElseThrow();
    }

    private static long commandsOn(Team team, PathInfo path) {
        return pathInfo(team, path.pathId()).commands();
    }
}
