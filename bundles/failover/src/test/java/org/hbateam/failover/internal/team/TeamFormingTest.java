package org.hbateam.failover.internal.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;
import org.hbateam.failover.internal.StatusSnapshots;
import org.hbateam.failover.internal.config.Configs;
import org.hbateam.failover.internal.config.InvalidConfigurationException;
import org.hbateam.failover.internal.config.TeamConfiguration;
import org.hbateam.failover.internal.config.TeamSettings;
import org.junit.jupiter.api.Test;

class TeamFormingTest {
    private final Fixture f = new Fixture();

    @Test
    void pathsOfOneLuFormOneTeamInPathIdOrder() {
        f.add(new FakePath("p2", "hba1", "lu-a"));
        f.add(new FakePath("p1", "hba0", "lu-a"));
        List<Team> teams = f.registry.teams();
        assertEquals(1, teams.size(), "two paths to one LU make one team");
        assertEquals("lu-a", teams.get(0).name(), "without configuration the team is named by its LU identity");
        assertEquals(List.of("p1", "p2"), teams.get(0).paths().stream().map(PathInfo::pathId).toList(),
                "paths are in priority order, by path id when none is configured");
    }

    @Test
    void differentLusFormDifferentTeamsSortedByName() {
        f.add(new FakePath("p1", "hba0", "lu-b"));
        f.add(new FakePath("p2", "hba0", "lu-a"));
        f.add(new FakePath("p3", "hba1", "lu-b"));
        assertEquals(List.of("lu-a", "lu-b"), f.registry.teams().stream().map(Team::name).toList(),
                "one team per LU identity, sorted by name");
        assertEquals(2, f.team("lu-b").paths().size(), "lu-b has both of its paths");
    }

    @Test
    void aTeamDisappearsWithItsLastPath() {
        FakePath p1 = f.add(new FakePath("p1", "hba0", "lu-a"));
        FakePath p2 = f.add(new FakePath("p2", "hba1", "lu-a"));
        f.registry.removePath(p1);
        assertEquals(1, f.team("lu-a").paths().size(), "the team keeps its other path");
        f.registry.removePath(p2);
        assertTrue(f.registry.teams().isEmpty(), "a team with no paths is gone");
        assertTrue(p2.listeners.isEmpty(), "the team stopped listening to the removed path");
    }

    @Test
    void aChangedLuIdentityMovesThePath() {
        FakePath p1 = f.add(new FakePath("p1", "hba0", "lu-a"));
        f.add(new FakePath("p2", "hba1", "lu-a"));
        Map<String, Object> moved = p1.properties();
        moved.put(org.hbateam.api.path.DataPath.LU_IDENTITY, "lu-b");
        f.registry.modifiedPath(p1, moved);
        assertEquals(1, f.team("lu-a").paths().size(), "lu-a lost the moved path");
        assertEquals("p1", f.team("lu-b").paths().get(0).pathId(), "lu-b got it");
    }

    @Test
    void blanksInAReportedIdentityNeverReachTheTeamName() throws Exception {
        String raw = "t10.FreeBSD iSCSI DISK      10000001";
        f.add(new FakePath("p1", "hba0", raw));
        f.add(new FakePath("p2", "hba1", raw));
        Team team = f.team("t10.FreeBSD_iSCSI_DISK_10000001");
        assertEquals(2, team.paths().size(), "both paths joined the team named without blanks");
        assertEquals(raw, StatusSnapshots.of((TeamImpl) team, 0).luDesignator(),
                "the designator as the driver reported it stays visible");
        f.registry.applyTeamConfig("cfg1", TeamSettings.from(Configs.of(TeamConfiguration.class,
                Map.of("luIdentity", raw, "name", "bsd"))));
        assertTrue(f.registry.team("bsd").isPresent(), "a configuration that copies the raw designator still applies");
    }

    @Test
    void aTeamNameWithBlanksIsRejectedNamingTheKey() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> TeamSettings.from(
                Configs.of(TeamConfiguration.class, Map.of("luIdentity", "lu-a", "name", "my team"))));
        assertTrue(e.getMessage().contains("name"), e.getMessage());
    }

    @Test
    void aTeamConfigurationNamesAndOrdersTheTeam() throws Exception {
        f.add(new FakePath("p1", "hba0", "lu-a"));
        f.add(new FakePath("p2", "hba1", "lu-a"));
        f.registry.applyTeamConfig("cfg1", TeamSettings.from(Configs.of(TeamConfiguration.class,
                Map.of("luIdentity", "lu-a", "name", "db", "priorityGroups", new String[] {"hba1", "hba0"}))));
        Team team = f.registry.team("db").orElseThrow(() -> new AssertionError("the team takes its configured name"));
        assertEquals(List.of("p2", "p1"), team.paths().stream().map(PathInfo::pathId).toList(),
                "the configured priority order wins over path id order");
        f.registry.removeTeamConfig("cfg1");
        assertTrue(f.registry.team("lu-a").isPresent(), "without its configuration the team is named by its LU again");
    }

    @Test
    void aPathWithoutLuIdentityIsIgnored() {
        FakePath broken = new FakePath("p1", "hba0", null);
        Map<String, Object> props = broken.properties();
        props.remove(org.hbateam.api.path.DataPath.LU_IDENTITY);
        f.registry.addPath(broken, props);
        assertTrue(f.registry.teams().isEmpty(), "no team forms from a path without an LU identity");
        assertTrue(broken.listeners.isEmpty(), "and the team service does not listen to it");
        f.registry.removePath(broken);
    }
}
