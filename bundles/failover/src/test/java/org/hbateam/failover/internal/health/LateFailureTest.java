package org.hbateam.failover.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.CompletableFuture;

import org.hbateam.api.path.PathException;
import org.hbateam.api.path.PathState;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.failover.internal.events.TeamEvents;
import org.hbateam.failover.internal.team.FakePath;
import org.hbateam.failover.internal.team.Fixture;
import org.hbateam.failover.internal.team.TeamImpl;
import org.junit.jupiter.api.Test;

/**
 * A failure that arrives after its path was reinstated belongs to the path as it was before: it must not take
 * the path out again (nor count towards flakiness), though the command it failed is still retried. Seen on the
 * simulated bed as a second ALL_PATHS_DOWN when a probe sent during an outage failed just after the restore.
 */
class LateFailureTest {
    private final Fixture f = new Fixture();
    private final FakePath p = f.add(new FakePath("p", "hba0", "lu"));
    private final FakePath q = f.add(new FakePath("q", "hba1", "lu"));
    private final TeamImpl team = f.team("lu");

    @Test
    void aCommandSentBeforeTheOutageThatFailsAfterTheReinstatementLeavesThePathInService() {
        p.mode = FakePath.Mode.HOLD;
        CompletableFuture<ScsiResult> command = team.submit(Fixture.write(4096)).toCompletableFuture();
        p.report(PathState.DOWN);
        p.report(PathState.UP);
        assertEquals(PathState.UP, state(p), "p is back: its driver reports UP");
        p.mode = FakePath.Mode.ANSWER;
        p.failHeld(PathException.Reason.PATH_DOWN);
        assertEquals(PathState.UP, state(p), "the late failure of the older attempt leaves p in service");
        assertEquals(1, f.count(TeamEvents.PATH_DOWN), "one path/DOWN: the outage, not the late failure");
        assertEquals(ScsiResult.GOOD, command.getNow(null), "the failed command was retried and completed");
    }

    @Test
    void aProbeSentDuringTheOutageThatFailsAfterTheReinstatementLeavesThePathInService() {
        p.mode = FakePath.Mode.FAIL;
        team.submit(Fixture.write(512));
        assertEquals(PathState.DOWN, state(p), "p failed its command");
        p.probeMode = FakePath.Mode.HOLD;
        f.advanceMillis(FailoverSettings.defaults().probeIntervalMs());
        f.registry.sweep();
        assertEquals(1, p.held.size(), "a probe is out on the held-out path");
        p.report(PathState.UP);
        assertEquals(PathState.UP, state(p), "p is back: its driver reports UP");
        p.failHeld(PathException.Reason.TRANSPORT);
        assertEquals(PathState.UP, state(p), "the probe from before the reinstatement does not take p out again");
        assertEquals(1, f.count(TeamEvents.PATH_DOWN), "one path/DOWN: the outage, not the late failure");
    }

    @Test
    void aFailureInTheCurrentIncarnationStillTakesThePathOut() {
        p.report(PathState.DOWN);
        p.report(PathState.UP);
        p.mode = FakePath.Mode.FAIL;
        team.submit(Fixture.write(512));
        assertEquals(PathState.DOWN, state(p), "a command sent after the reinstatement fails p as before");
        assertEquals(2, f.count(TeamEvents.PATH_DOWN), "a path/DOWN for each failure");
        assertFalse(team.paths().get(1).state() == PathState.DOWN, "q carries the I/O");
    }

    private PathState state(FakePath path) {
        return team.paths().stream().filter(info -> info.pathId().equals(path.id)).findFirst().orElseThrow().state();
    }
}
