package org.hbateam.itests.felix;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.Comparator;

import javax.inject.Inject;

import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;
import org.hbateam.driver.sim.SimulatedFaults;
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
 * api + driver-sim + failover in a plain Felix with SCR: a team forms, survives the loss of the path that
 * carries its writes with every byte intact, and loses no completion when the driver bundle stops under load.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class FailoverIT extends FelixTestSupport {
    @Inject
    private BundleContext context;
    @Inject
    private ConfigurationAdmin configAdmin;
    @Inject
    private SimulatedFaults faults;

    private SimulatedTeam bed;
    private Workload workload;

    @Configuration
    public Option[] config() {
        return options(runtime(), fromProperty("bundle.api"), fromProperty("bundle.sim"), fromProperty("bundle.failover"));
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
    public void cuttingThePathThatCarriesTheWritesLosesNoByte() throws Exception {
        Team team = bed.awaitTeam(2);
        workload = new Workload(team, 4, 512, 16, 0.3);
        workload.start();
        workload.awaitCompleted(400, 20_000);

        PathInfo carrying = busiestWriter(team);
        faults.cutPath(carrying.pathId());
        long writtenBeforeCut = writtenThrough(team, survivorOf(team, carrying));
        workload.awaitCompleted(800, 20_000);
        workload.stop();

        assertEquals("no command may fail across the cut: " + workload.summary(), 0, workload.failed());
        assertTrue("nothing may go wrong: " + workload.summary(), workload.problems().isEmpty());
        PathInfo survivor = survivorOf(team, carrying);
        assertTrue("the surviving path must carry the writes after the cut",
                writtenThrough(team, survivor) > writtenBeforeCut);
        DirectPathIo reader = new DirectPathIo(bed.path(survivor.adapterId()), team.blockSize());
        assertEquals("every block read back through " + survivor.pathId() + " must hold what was written",
                0, workload.verify(reader));
    }

    @Test
    public void stoppingTheDriverBundleUnderLoadLosesNoCompletion() throws Exception {
        Team team = bed.awaitTeam(2);
        workload = new Workload(team, 4, 512, 16, 0.0);
        workload.start();
        workload.awaitCompleted(300, 20_000);

        Bundle driver = FrameworkUtil.getBundle(SimulatedFaults.class);
        driver.stop();
        Thread.sleep(300);
        driver.start();
        bed.awaitTeam(2);
        workload.awaitCompleted(300, 30_000);
        workload.stop();

        assertEquals("every issued command must complete exactly once: " + workload.summary(),
                workload.issued(), workload.completed() + workload.failed());
        assertEquals("commands queue while no path exists and resume on the new paths: " + workload.summary(),
                0, workload.failed());
        assertTrue("nothing may go wrong: " + workload.summary(), workload.problems().isEmpty());
    }

    private static PathInfo busiestWriter(Team team) {
        return team.paths().stream().max(Comparator.comparingLong(PathInfo::bytesWritten)).orElseThrow();
    }

    private static PathInfo survivorOf(Team team, PathInfo cut) {
        return team.paths().stream().filter(p -> !p.pathId().equals(cut.pathId())).findFirst().orElseThrow();
    }

    private static long writtenThrough(Team team, PathInfo path) {
        return team.paths().stream().filter(p -> p.pathId().equals(path.pathId()))
                .mapToLong(PathInfo::bytesWritten).sum();
    }
}
