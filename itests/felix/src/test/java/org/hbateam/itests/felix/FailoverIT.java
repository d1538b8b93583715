package org.hbateam.itests.felix;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import javax.inject.Inject;

import org.hbateam.api.team.Team;
import org.hbateam.driver.sim.SimulatedFaults;
import org.hbateam.failover.admin.FailoverAdmin;
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
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * api + driver-sim + failover in a plain Felix with SCR: a team forms, and loses no completion when the
 * simulated driver bundle stops under load. The other failover scenarios (a cut path among them) are in
 * {@link FailoverScenariosIT}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class FailoverIT extends FelixTestSupport {
    @Inject
    private BundleContext context;
    @Inject
    private ConfigurationAdmin configAdmin;
    @Inject
    private FailoverAdmin admin;

    private SimulatedTeam bed;
    private VerifyingLoad workload;

    @Configuration
    public Option[] config() {
        return options(runtime(), fromProperty("bundle.api"), fromProperty("bundle.sim"), fromProperty("bundle.failover"),
                fromProperty("bundle.test.support"));
    }

    @Before
    public void configureTeam() throws Exception {
        bed = new SimulatedTeam(context, configAdmin)
                .failover("noPathRetryMs", 30_000L)
                .adapter("hba0", 400)
                .adapter("hba1", 400)
                .lun(64, "hba0", "hba1");
    }

    @After
    public void cleanUp() throws Exception {
        if (workload != null) {
            workload.stop();
        }
        bed.close();
    }

    @Test
    public void teamFormsFromBothSimulatedPaths() throws Exception {
        Team team = bed.awaitTeam(2);
        assertEquals(SimulatedTeam.LU_IDENTITY, team.name());
        assertEquals(512, team.blockSize());
        assertEquals(64L << 20, team.capacityBytes());
    }

    @Test
    public void stoppingTheDriverBundleUnderLoadLosesNoCompletion() throws Exception {
        Team team = bed.awaitTeam(2);
        workload = new VerifyingLoad(team, 0, 4, 512, 16, 0);
        workload.start();
        workload.awaitMore(300, 20_000);

        Bundle driver = FrameworkUtil.getBundle(SimulatedFaults.class);
        driver.stop();
        Thread.sleep(300);
        driver.start();
        bed.awaitTeam(2);
        workload.awaitMore(300, 30_000);
        workload.stop();

        assertEquals("every issued command must complete exactly once: " + workload.summary(),
                workload.issued(), workload.completed() + workload.failed());
        assertEquals("commands queue while no path exists and resume on the new paths: " + workload.summary(),
                0, workload.failed());
        assertTrue("nothing may go wrong: " + workload.summary(), workload.problems().isEmpty());
        // The simulated medium lives in the driver bundle and is new after its restart: nothing to read back.
        System.out.println(ScenarioReport.line("sim driver bundle stopped", workload,
                admin.status(SimulatedTeam.LU_IDENTITY).orElseThrow(), "(write-only: the medium restarted with the driver)"));
    }
}
