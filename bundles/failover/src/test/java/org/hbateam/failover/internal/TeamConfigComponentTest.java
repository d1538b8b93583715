package org.hbateam.failover.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hbateam.api.balancer.BalancerFactory;
import org.hbateam.failover.admin.ConfigurationProblem;
import org.hbateam.failover.internal.config.Configs;
import org.hbateam.failover.internal.config.TeamConfiguration;
import org.hbateam.failover.internal.config.TeamSettings;
import org.hbateam.failover.internal.team.Fixture;
import org.junit.jupiter.api.Test;

class TeamConfigComponentTest {
    /** Records what the component tells the failover service. */
    private static final class RecordingDirectory implements TeamDirectory {
        final List<TeamSettings> applied = new ArrayList<>();
        final Map<String, ConfigurationProblem> problems = new HashMap<>();
        BalancerFactory factory;
        String policy;
        int removed;

        @Override
        public void applyTeamConfig(String pid, TeamSettings settings) {
            applied.add(settings);
        }

        @Override
        public void teamBalancer(String pid, BalancerFactory f, String p) {
            factory = f;
            policy = p;
        }

        @Override
        public void removeTeamConfig(String pid) {
            removed++;
        }

        @Override
        public void configurationRejected(ConfigurationProblem problem) {
            problems.put(problem.pid(), problem);
        }

        @Override
        public void configurationAccepted(String pid) {
            problems.remove(pid);
        }
    }

    private final RecordingDirectory directory = new RecordingDirectory();

    private static Map<String, Object> props(String target) {
        Map<String, Object> p = new HashMap<>();
        p.put("service.pid", "org.hbateam.team~db");
        if (target != null) {
            p.put("balancer.target", target);
        }
        return p;
    }

    private static TeamConfiguration config(Map<String, Object> values) {
        return Configs.of(TeamConfiguration.class, values);
    }

    @Test
    void aBadConfigurationIsRejectedAndTheValidOneStays() {
        TeamConfigComponent c = new TeamConfigComponent(config(Map.of("luIdentity", "lu", "name", "db")), props(null), directory, null);
        c.modified(config(Map.of("luIdentity", "lu", "readShares", new String[] {"a=10"})), props(null));
        assertEquals(1, directory.applied.size(), "the bad update was not applied");
        assertEquals("db", directory.applied.get(0).name(), "the valid configuration stays in force");
        c.deactivate();
        assertEquals(1, directory.removed, "deactivation removes the team configuration");
    }

    @Test
    void aRejectedUpdateKeepsTheLastGoodSettingsAndIsReportedUntilFixed() {
        TeamConfigComponent c = new TeamConfigComponent(config(Map.of("luIdentity", "lu", "name", "db")), props(null), directory, null);
        c.modified(config(Map.of("luIdentity", "lu", "name", "db", "mode", "failover-onlyy")), props(null));
        ConfigurationProblem problem = directory.problems.get("org.hbateam.team~db");
        assertEquals("mode", problem.key(), "the bad key is named");
        assertEquals("db", problem.team(), "the team is named");
        assertEquals("the last good settings", problem.inForce(), "the last good settings run");
        assertEquals(1, directory.applied.size(), "nothing else was applied");
        c.modified(config(Map.of("luIdentity", "lu", "name", "db", "mode", "failover-only")), props(null));
        assertTrue(directory.problems.isEmpty(), "the fix clears the report");
    }

    @Test
    void aTypoAtBootKeepsTheTeamsNameAndRunsItFailoverOnly() {
        TeamConfigComponent c = new TeamConfigComponent(config(Map.of("luIdentity", "lu", "name", "default",
                "mode", "failover-onlyy", "policy", "round-robin")), props(null), directory, null);
        assertEquals(1, directory.applied.size(), "a stand-in is applied, so the team keeps its name");
        TeamSettings standIn = directory.applied.get(0);
        assertEquals("default", standIn.name(), "scripts addressing 'default' keep working");
        assertTrue(standIn.failoverOnly(), "the safest mode, not the global default 'balance'");
        assertTrue(standIn.readShares().isEmpty() && standIn.priorityGroups().isEmpty(), "nothing else is guessed");
        ConfigurationProblem problem = directory.problems.get("org.hbateam.team~db");
        assertEquals("mode", problem.key(), "the bad key is named");
        assertEquals("failover-only under its configured name, with the global defaults", problem.inForce(), "and what runs");
        c.deactivate();
        assertEquals(1, directory.removed, "the stand-in goes with the configuration");
        assertTrue(directory.problems.isEmpty(), "and so does its report");
    }

    @Test
    void onlyAFactoryOfTheConfiguredPolicyIsUsed() {
        TeamConfigComponent c = new TeamConfigComponent(config(Map.of("luIdentity", "lu", "policy", "dynamic")),
                props("(hbateam.policy=dynamic)"), directory, null);
        BalancerFactory stale = Fixture.tinyStatic();
        c.bindBalancer(stale, Map.of(BalancerFactory.POLICY, "static"));
        assertNull(directory.factory, "a static factory is not used for a dynamic team");
        BalancerFactory dynamic = Fixture.tinyStatic();
        c.bindBalancer(dynamic, Map.of(BalancerFactory.POLICY, "dynamic"));
        assertSame(dynamic, directory.factory, "the dynamic factory is handed over");
        c.unbindBalancer(stale);
        assertSame(dynamic, directory.factory, "unbinding the old factory after the new bound changes nothing");
        c.unbindBalancer(dynamic);
        assertNull(directory.factory, "without a factory the team routes failover-only");
    }

    @Test
    void aFactoryBoundBeforeThePolicyChangeArrivesIsUsedOnceThePolicyMatches() {
        TeamConfigComponent c = new TeamConfigComponent(config(Map.of("luIdentity", "lu")), props(null), directory, null);
        BalancerFactory dynamic = Fixture.tinyStatic();
        c.bindBalancer(dynamic, Map.of(BalancerFactory.POLICY, "dynamic"));
        assertNull(directory.factory, "not used while the team's policy is static");
        c.modified(config(Map.of("luIdentity", "lu", "policy", "dynamic")), props("(hbateam.policy=dynamic)"));
        assertSame(dynamic, directory.factory, "used as soon as the policy is dynamic");
        assertEquals("dynamic", directory.policy, "under its policy name");
        assertTrue(directory.applied.size() == 2, "both valid configurations were applied");
    }
}
