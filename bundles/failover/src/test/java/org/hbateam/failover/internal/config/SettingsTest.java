package org.hbateam.failover.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.hbateam.failover.internal.PolicyTargetWriter;

class SettingsTest {
    @Test
    void defaultsOfTheMetatypeMatchTheCodeDefaults() throws Exception {
        FailoverSettings fromMetatype = FailoverSettings.from(Configs.of(FailoverConfiguration.class, Map.of()));
        assertEquals(FailoverSettings.defaults(), fromMetatype, "the annotation defaults and defaults() must agree");
    }

    @Test
    void aBadGlobalValueIsRejectedNamingItsKey() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> FailoverSettings.from(Configs.of(FailoverConfiguration.class, Map.of("maxRetries", -1))));
        assertEquals("maxRetries", e.key(), "the rejected key must be named");
        assertTrue(e.getMessage().contains("org.hbateam.failover") && e.getMessage().contains("maxRetries"),
                "the message names PID and key: " + e.getMessage());
    }

    @Test
    void anUnknownFailbackIsRejected() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> FailoverSettings.from(Configs.of(FailoverConfiguration.class, Map.of("failback", "sometimes"))));
        assertEquals("failback", e.key(), "failback must be named");
    }

    @Test
    void sharesMustSumTo100() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> TeamSettings.from(
                Configs.of(TeamConfiguration.class, Map.of("luIdentity", "lu", "readShares", new String[] {"a=50", "b=40"}))));
        assertEquals("readShares", e.key(), "readShares must be named");
        assertTrue(e.getMessage().contains("90"), "the message says what the sum was: " + e.getMessage());
    }

    @Test
    void negativeSharesAreRejected() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> TeamSettings.from(
                Configs.of(TeamConfiguration.class, Map.of("luIdentity", "lu", "writeShares", new String[] {"a=110", "b=-10"}))));
        assertEquals("writeShares", e.key(), "writeShares must be named");
    }

    @Test
    void anUnknownModeIsRejected() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> TeamSettings.from(
                Configs.of(TeamConfiguration.class, Map.of("luIdentity", "lu", "mode", "sometimes"))));
        assertEquals("mode", e.key(), "mode must be named");
    }

    @Test
    void aTeamConfigurationNeedsAnLuIdentity() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> TeamSettings.from(
                Configs.of(TeamConfiguration.class, Map.of("luIdentity", " "))));
        assertEquals("luIdentity", e.key(), "luIdentity must be named");
    }

    @Test
    void aValidTeamConfigurationIsParsed() throws Exception {
        TeamSettings s = TeamSettings.from(Configs.of(TeamConfiguration.class, Map.of("luIdentity", "lu", "name", "db",
                "readShares", new String[] {"hba0=70", "hba1=30"}, "mode", "failover-only", "primary", "hba1",
                "priorityGroups", new String[] {"hba0, hba1", "hba2"})));
        assertEquals("db", s.name(), "the configured name is the team's name");
        assertEquals(List.of(new TeamSettings.Share("hba0", 70), new TeamSettings.Share("hba1", 30)), s.readShares(),
                "shares parsed in order");
        assertTrue(s.failoverOnly(), "mode failover-only parsed");
        assertEquals(List.of(List.of("hba0", "hba1"), List.of("hba2")), s.priorityGroups(), "groups split on commas");
    }

    @Test
    void aCfgFileGivesListsAsOneStringAndTheyParseTheSame() throws Exception {
        // DS hands a .cfg file's single string to a String[] attribute as an array of one element.
        TeamSettings s = TeamSettings.from(Configs.of(TeamConfiguration.class, Map.of("luIdentity", "lu",
                "readShares", new String[] {"hba0=70, hba1=30"}, "priorityGroups", new String[] {"hba0, hba1; hba2"})));
        assertEquals(List.of(new TeamSettings.Share("hba0", 70), new TeamSettings.Share("hba1", 30)), s.readShares(),
                "shares split on commas");
        assertEquals(List.of(List.of("hba0", "hba1"), List.of("hba2")), s.priorityGroups(), "groups split on semicolons");
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> TeamSettings.from(
                Configs.of(TeamConfiguration.class, Map.of("luIdentity", "lu", "readShares", new String[] {"hba0=70,hba1=30,"}))));
        assertEquals("readShares", e.key(), "an empty entry is rejected naming the key");
    }

    @Test
    void thePolicyTargetFilterFollowsThePolicy() {
        assertEquals("(hbateam.policy=dynamic)", PolicyFilter.forPolicy("dynamic"), "target filter for a policy");
        assertTrue(PolicyTargetWriter.selects(Map.of("balancer.target", "(hbateam.policy=dynamic)"), "dynamic"),
                "a matching target needs no write");
        assertTrue(!PolicyTargetWriter.selects(Map.of("balancer.target", "(hbateam.policy=static)"), "dynamic"),
                "a stale target needs a write");
    }
}
