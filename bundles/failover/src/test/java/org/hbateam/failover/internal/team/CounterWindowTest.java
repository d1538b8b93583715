package org.hbateam.failover.internal.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.hbateam.api.path.PathState;
import org.hbateam.api.scsi.Direction;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.failover.internal.config.Configs;
import org.hbateam.failover.internal.config.TeamConfiguration;
import org.hbateam.failover.internal.config.TeamSettings;
import org.junit.jupiter.api.Test;

class CounterWindowTest {
    private final Fixture f = new Fixture();
    private final FakePath a = f.add(new FakePath("a", "hba0", "lu"));
    private final FakePath b = f.add(new FakePath("b", "hba1", "lu"));
    private final TeamImpl team;

    CounterWindowTest() {
        f.registry.defaultBalancer(Fixture.tinyStatic());
        team = f.team("lu");
    }

    private void write(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            assertEquals(ScsiResult.GOOD, team.execute(Fixture.write(4096)), "writes complete");
        }
    }

    @Test
    void aReinstatedPathGetsItsShareNotABurst() throws Exception {
        write(100);
        b.report(PathState.DOWN);
        write(100);
        assertEquals(150, a.submitted.get(), "while b was down a carried everything");
        b.report(PathState.UP);
        int aBefore = a.submitted.get();
        int bBefore = b.submitted.get();
        write(100);
        int toA = a.submitted.get() - aBefore;
        int toB = b.submitted.get() - bBefore;
        assertTrue(toB >= 45 && toB <= 55, "b got about its 50% after reinstatement, not all 100 to catch up: b=" + toB + " a=" + toA);
    }

    @Test
    void cumulativeAndAdapterCountersAreNeverReset() throws Exception {
        write(10);
        b.report(PathState.DOWN);
        TeamPathSet set = team.pathSet();
        assertEquals(0, set.windowBytes(0, Direction.WRITE), "the window restarted when b failed");
        assertEquals(5 * 4096, set.totalBytes(0, Direction.WRITE), "a's cumulative bytes stay");
        assertEquals(5 * 4096, set.adapterBytes(0, Direction.WRITE), "hba0 carried the same bytes");
    }

    @Test
    void adapterBytesIncludeOtherTeamsTraffic() throws Exception {
        FakePath other = f.add(new FakePath("x", "hba0", "lu2"));
        f.team("lu2").execute(Fixture.write(8192));
        TeamPathSet set = team.pathSet();
        assertEquals(8192, set.adapterBytes(0, Direction.WRITE), "lu's view of hba0 shows lu2's bytes");
        assertEquals(0, set.totalBytes(0, Direction.WRITE), "but not in lu's own path counters");
        assertEquals(1, other.submitted.get(), "lu2's command went on its own path");
    }

    @Test
    void configuredSharesAreHonouredAndRestartTheWindow() throws Exception {
        f.registry.applyTeamConfig("c", TeamSettings.from(Configs.of(TeamConfiguration.class,
                Map.of("luIdentity", "lu", "writeShares", new String[] {"hba0=75", "hba1=25"}))));
        f.registry.teamBalancer("c", Fixture.tinyStatic(), "static");
        write(100);
        assertEquals(75, a.submitted.get(), "hba0 took 75% of the writes");
        assertEquals(25, b.submitted.get(), "hba1 took 25%");
        assertEquals(75, team.pathSet().configuredShare(0, Direction.WRITE), "the PathSet shows the configured share");
    }

    @Test
    void theLatencyAverageAndInFlightCountsFollowTheCommands() throws Exception {
        a.mode = FakePath.Mode.HOLD;
        b.mode = FakePath.Mode.HOLD;
        team.submit(Fixture.write(4096));
        TeamPathSet set = team.pathSet();
        assertEquals(1, set.inFlightCommands(0), "one command in flight on a");
        assertEquals(4096, set.inFlightBytes(0), "with its bytes");
        f.advanceMillis(3);
        a.completeHeld(ScsiResult.GOOD);
        assertEquals(0, set.inFlightCommands(0), "none in flight after completion");
        assertEquals(3_000_000, set.averageLatencyNanos(0), "the first latency sample is the average");
    }
}
