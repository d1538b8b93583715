package org.hbateam.itests.felix;

import static org.hbateam.itests.felix.ScenarioBed.TEAM;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.streamBundle;

import java.util.Arrays;

import javax.inject.Inject;

import org.hbateam.api.team.NoUsablePathException;
import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.TeamException;
import org.hbateam.driver.sim.Fault;
import org.hbateam.driver.sim.SimulatedFaults;
import org.hbateam.failover.admin.FailoverAdmin;
import org.hbateam.failover.admin.PathStatus;
import org.hbateam.test.workload.VerifyingLoad;
import org.junit.After;
import org.junit.Before;
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
 * driver itself. No balancer bundle is installed: the teams route failover-only (one path carries the I/O).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class FailoverScenariosIT extends FelixTestSupport {
    private static final Object[] DEFAULTS = {};
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

    private ScenarioBed bed;

    @Configuration
    public Option[] config() {
        return options(runtime(), fromProperty("bundle.api"), fromProperty("bundle.sim"), fromProperty("bundle.failover"),
                fromProperty("bundle.test.support"),
                streamBundle(VendorDriverBundle.build(VENDOR_BUNDLE, VENDOR_ADAPTER, "hba1")).noStart());
    }

    @Before
    public void recordEvents() {
        bed = new ScenarioBed(context, configAdmin, admin);
    }

    @After
    public void cleanUp() throws Exception {
        bed.close();
    }

    @Test
    public void aCutPath() throws Exception {
        bed.start(DEFAULTS);
        PathInfo carrying = bed.busiest();
        faults.inject(Fault.cut(Fault.Scope.PATH, carrying.pathId()));
        bed.workload().awaitMore(800, 20_000);

        PathInfo survivor = bed.otherThan(carrying);
        bed.finish("cut path", survivor, "");
        assertTrue("the surviving path carries the I/O after the cut", bed.path(survivor.pathId()).commands() > 0);
        EventRecorder events = bed.events;
        assertEquals("one path/DOWN for the cut path " + events.byTopic(), 1, events.count(EventRecorder.PATH_DOWN, carrying.pathId()));
        assertEquals("one FAILOVER " + events.byTopic(), 1, events.count(EventRecorder.FAILOVER));
        assertEquals("no ALL_PATHS_DOWN while a path is left " + events.byTopic(), 0, events.count(EventRecorder.ALL_PATHS_DOWN));
    }

    @Test
    public void aBlackHoledPathIsDetectedByTheAdaptiveTimeout() throws Exception {
        bed.start(DEFAULTS);
        PathInfo carrying = bed.busiest();
        long start = System.nanoTime();
        faults.inject(Fault.blackHole(Fault.Scope.PATH, carrying.pathId()));
        bed.awaitPath(carrying.pathId(), PathStatus::heldOut, "held out after its commands time out");
        long detectedMs = (System.nanoTime() - start) / 1_000_000;
        bed.workload().awaitMore(800, 20_000);

        bed.finish("black-holed path", bed.otherThan(carrying), "detected after ~" + detectedMs + " ms");
        EventRecorder events = bed.events;
        events.await(EventRecorder.PATH_DOWN, 1, 5_000);
        assertEquals("one path/DOWN for the black hole " + events.byTopic(), 1, events.count(EventRecorder.PATH_DOWN, carrying.pathId()));
        assertEquals("one FAILOVER " + events.byTopic(), 1, events.count(EventRecorder.FAILOVER));
        assertTrue("the silent path was failed by a command timeout: " + events.reasons(EventRecorder.PATH_DOWN),
                events.reasons(EventRecorder.PATH_DOWN).stream().allMatch(reason -> reason.startsWith("TIMEOUT")));
        assertTrue("a retry moved each held command to the other path", bed.status().retries() > 0);
    }

    @Test
    public void aSlowPathIsNotFailedAndTheTeamKeepsGoing() throws Exception {
        bed.start(DEFAULTS);
        PathInfo carrying = bed.busiest();
        long before = carrying.commands();
        faults.inject(Fault.slow(Fault.Scope.PATH, carrying.pathId(), 20));
        bed.workload().awaitMore(800, 30_000);

        PathStatus slow = bed.pathStatus(carrying.pathId());
        bed.finish("slow path x20", carrying, "slow path avg latency " + slow.averageLatencyNanos() / 1000 + " us, timeout "
                + slow.timeoutMillis() + " ms");
        assertTrue("the slow path stays in service: " + slow, slow.usable() && !slow.heldOut());
        assertTrue("and keeps carrying the I/O", bed.path(carrying.pathId()).commands() > before + 800);
        assertEquals("no false positive: no path/DOWN " + bed.events.byTopic(), 0, bed.events.count(EventRecorder.PATH_DOWN));
        assertEquals("no failover", 0, bed.status().failovers());
    }

    @Test
    public void aPathThatFlapsTwentyTimesIsHeldDownAsFlaky() throws Exception {
        int flakyFailures = 5;
        bed.start(new Object[] {"failback", "immediate", "flakyFailures", flakyFailures, "flakyHoldDownMs", 60_000L});
        String flapping = bed.busiest().pathId();
        EventRecorder events = bed.events;
        boolean heldDown = false;
        for (int flap = 0; flap < 20; flap++) {
            faults.inject(Fault.cut(Fault.Scope.PATH, flapping));
            bed.awaitPath(flapping, PathStatus::heldOut, "held out after cut " + flap);
            // Its path/DOWN is posted after the failure has been counted: restore only then, or a restore could
            // race the hold-down decision.
            events.awaitCount(EventRecorder.PATH_DOWN, flapping, Math.min(flap + 1, flakyFailures + 1), 10_000);
            faults.restore(Fault.Scope.PATH, flapping);
            heldDown = bed.pathStatus(flapping).flaky();
            if (!heldDown) {
                bed.awaitPath(flapping, PathStatus::usable, "back at once after restore " + flap + " (immediate failback)");
            }
            bed.workload().awaitMore(20, 10_000);
        }
        bed.workload().awaitMore(200, 20_000);

        PathStatus status = bed.pathStatus(flapping);
        bed.finish("flapping path x20", bed.otherThan(bed.path(flapping)), "");
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
        bed.start(new Object[] {"noPathRetryMs", 30_000L});
        PathInfo back = bed.leastBusy();
        EventRecorder events = bed.events;
        faults.inject(Fault.cut(Fault.Scope.ADAPTER, "hba0"));
        faults.inject(Fault.cut(Fault.Scope.ADAPTER, "hba1"));
        events.await(EventRecorder.ALL_PATHS_DOWN, 1, 5_000);
        Thread.sleep(500);
        int queued = bed.status().queuedCommands();
        long completedBefore = bed.workload().completed();
        long start = System.nanoTime();
        faults.restore(Fault.Scope.ADAPTER, back.adapterId());
        bed.awaitCompletedAfter(completedBefore, 30_000);
        long resumedMs = (System.nanoTime() - start) / 1_000_000;
        bed.workload().awaitMore(400, 20_000);

        bed.finish("all down, one back", back, "queued=" + queued + " resumed " + resumedMs + " ms after the path came back");
        assertTrue("commands waited while no path was usable", queued > 0);
        assertEquals("ALL_PATHS_DOWN once per outage " + events.byTopic(), 1, events.count(EventRecorder.ALL_PATHS_DOWN));
        assertEquals("path/DOWN once per path " + events.byTopic(), 2, events.count(EventRecorder.PATH_DOWN));
        assertEquals("path/UP once for the path that came back " + events.byTopic(), 1, events.count(EventRecorder.PATH_UP, back.pathId()));
    }

    @Test
    public void allPathsDownPastNoPathRetryFailsEachQueuedCommandOnceNamingTheTeam() throws Exception {
        long noPathRetryMs = 1500;
        bed.start(new Object[] {"noPathRetryMs", noPathRetryMs});
        PathInfo back = bed.leastBusy();
        VerifyingLoad workload = bed.workload();
        faults.inject(Fault.cut(Fault.Scope.ADAPTER, "hba0"));
        faults.inject(Fault.cut(Fault.Scope.ADAPTER, "hba1"));
        Thread.sleep(2 * noPathRetryMs + 1000);
        long failedWhileDown = workload.failed();
        faults.restore(Fault.Scope.ADAPTER, "hba0");
        faults.restore(Fault.Scope.ADAPTER, "hba1");
        workload.awaitMore(400, 30_000);

        workload.stop();
        bed.report("all down past noPathRetry", "failed while down=" + failedWhileDown);
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
        assertEquals("ALL_PATHS_DOWN once per outage " + bed.events.byTopic(), 1, bed.events.count(EventRecorder.ALL_PATHS_DOWN));
        assertEquals("every block read back through " + back.pathId() + " holds what was written (or, for a failed write, "
                + "what was there or what it carried)", 0, bed.verifyThrough(back));
    }

    @Test
    public void aNewDriverBundleStartedUnderLoadJoinsTheTeamAndCarriesIo() throws Exception {
        bed.start(DEFAULTS, "luIdentity", TEAM, "primary", VENDOR_ADAPTER);
        vendorDriver().start();
        bed.awaitPaths(3);
        bed.workload().awaitMore(800, 20_000);

        PathInfo joined = bed.pathOfAdapter(VENDOR_ADAPTER);
        bed.finish("new driver bundle", joined, "vendor path commands=" + joined.commands());
        assertTrue("the new driver's path, the configured primary, carries the I/O", joined.commands() > 0);
        assertEquals("no path failed " + bed.events.byTopic(), 0, bed.events.count(EventRecorder.PATH_DOWN));
    }

    /**
     * The vendor driver carrying the I/O stops under load: what it held completes on the simulated paths and the
     * medium (which the simulated driver keeps) reads back intact.
     */
    @Test
    public void aDriverBundleStoppedUnderLoadHandsItsCommandsToTheOtherPaths() throws Exception {
        bed.start(DEFAULTS, "luIdentity", TEAM, "primary", VENDOR_ADAPTER);
        Bundle vendor = vendorDriver();
        vendor.start();
        bed.awaitPaths(3);
        bed.workload().awaitMore(400, 20_000);
        long onVendor = bed.pathOfAdapter(VENDOR_ADAPTER).commands();
        long onSimBefore = bed.pathOfAdapter("hba0").commands() + bed.pathOfAdapter("hba1").commands();
        vendor.stop();
        bed.awaitPaths(2);
        bed.workload().awaitMore(800, 20_000);

        bed.finish("driver bundle stopped", bed.pathOfAdapter("hba0"), "vendor path carried " + onVendor + " before the stop");
        assertTrue("the stopped driver's path carried the I/O before", onVendor > 0);
        assertTrue("the simulated paths carry it after", bed.pathOfAdapter("hba0").commands() + bed.pathOfAdapter("hba1").commands()
                > onSimBefore + 800);
    }

    private Bundle vendorDriver() {
        return Arrays.stream(context.getBundles()).filter(b -> VENDOR_BUNDLE.equals(b.getSymbolicName()))
                .findFirst().orElseThrow(() -> new AssertionError("the vendor driver bundle is installed"));
    }
}
