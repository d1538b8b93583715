package org.hbateam.itests.felix;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Comparator;
import java.util.function.Predicate;

import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;
import org.hbateam.failover.admin.FailoverAdmin;
import org.hbateam.failover.admin.PathStatus;
import org.hbateam.failover.admin.TeamStatus;
import org.hbateam.test.workload.VerifyingLoad;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The world of one failover scenario: two simulated paths to one LUN ({@link SimulatedTeam}), the failover
 * settings of the scenario, the events recorded ({@link EventRecorder}) and the load running
 * ({@link VerifyingLoad}); then the checks every scenario ends with, and {@link #close()} undoes it all.
 */
final class ScenarioBed implements AutoCloseable {
    static final String TEAM = SimulatedTeam.LU_IDENTITY;

    final EventRecorder events;
    private final BundleContext context;
    private final ConfigurationAdmin configAdmin;
    private final FailoverAdmin admin;
    private SimulatedTeam sim;
    private VerifyingLoad workload;
    private Team team;

    ScenarioBed(BundleContext context, ConfigurationAdmin configAdmin, FailoverAdmin admin) {
        this.context = context;
        this.configAdmin = configAdmin;
        this.admin = admin;
        this.events = new EventRecorder(context);
    }

    /** Configures the failover service ({@code failoverSettings}), the team (if any settings) and the LUN, and starts the load. */
    Team start(Object[] failoverSettings, Object... teamSettings) throws Exception {
        sim = new SimulatedTeam(context, configAdmin).failover(failoverSettings);
        if (teamSettings.length > 0) {
            sim.team(teamSettings);
        }
        sim.adapter("hba0", 400).adapter("hba1", 400).lun(64, "hba0", "hba1");
        team = sim.awaitTeam(2);
        workload = new VerifyingLoad(team, 0, 4, 512, 16, 30);
        workload.start();
        workload.awaitMore(300, 20_000);
        return team;
    }

    VerifyingLoad workload() {
        return workload;
    }

    void awaitPaths(int paths) throws InterruptedException {
        sim.awaitTeam(paths);
    }

    /** Stops the load, prints the report line, checks nothing failed, and reads every block back through one path. */
    void finish(String scenario, PathInfo readThrough, String detail) throws Exception {
        workload.stop();
        report(scenario, detail);
        assertEquals("no command may fail: " + workload.summary(), 0, workload.failed());
        assertTrue("nothing may go wrong: " + workload.summary(), workload.problems().isEmpty());
        assertEquals("every block read back through " + readThrough.pathId() + ", bypassing the team, must hold what was written",
                0, verifyThrough(readThrough));
    }

    /** Blocks that differ from the model when read straight through {@code path}. */
    long verifyThrough(PathInfo path) throws Exception {
        return workload.verify(new DirectPathIo(sim.path(path.adapterId()), team.blockSize()), path.pathId());
    }

    void report(String scenario, String detail) {
        System.out.println(ScenarioReport.line(scenario, workload, status(), detail + " events=" + events.byTopic()));
    }

    TeamStatus status() {
        return admin.status(TEAM).orElseThrow(() -> new AssertionError("team " + TEAM + " exists"));
    }

    PathStatus pathStatus(String pathId) {
        return status().paths().stream().filter(p -> p.pathId().equals(pathId)).findFirst()
                .orElseThrow(() -> new AssertionError("path " + pathId + " is in the team"));
    }

    /** Waits for the path's status to meet {@code condition}; 20 s is a guard against hanging, not a measure. */
    void awaitPath(String pathId, Predicate<PathStatus> condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.test(pathStatus(pathId))) {
            assertFalse("path " + pathId + " should be " + what + " within 20 s: " + pathStatus(pathId),
                    System.currentTimeMillis() > deadline);
            Thread.sleep(5);
        }
    }

    /** Waits until more than {@code completed} commands have completed. */
    void awaitCompletedAfter(long completed, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (workload.completed() <= completed) {
            assertFalse("a command should complete within " + timeoutMillis + " ms", System.currentTimeMillis() > deadline);
            Thread.sleep(1);
        }
    }

    PathInfo busiest() {
        return team.paths().stream().max(Comparator.comparingLong(PathInfo::commands)).orElseThrow();
    }

    PathInfo leastBusy() {
        return team.paths().stream().min(Comparator.comparingLong(PathInfo::commands)).orElseThrow();
    }

    PathInfo otherThan(PathInfo path) {
        return team.paths().stream().filter(p -> !p.pathId().equals(path.pathId())).findFirst().orElseThrow();
    }

    PathInfo path(String pathId) {
        return team.paths().stream().filter(p -> p.pathId().equals(pathId)).findFirst()
                .orElseThrow(() -> new AssertionError("path " + pathId + " is in the team: " + team.paths()));
    }

    PathInfo pathOfAdapter(String adapterId) {
        return team.paths().stream().filter(p -> p.adapterId().equals(adapterId)).findFirst()
                .orElseThrow(() -> new AssertionError("a path over " + adapterId + " is in the team: " + team.paths()));
    }

    @Override
    public void close() throws Exception {
        if (workload != null) {
            workload.stop();
        }
        events.close();
        if (sim != null) {
            sim.close();
        }
    }
}
