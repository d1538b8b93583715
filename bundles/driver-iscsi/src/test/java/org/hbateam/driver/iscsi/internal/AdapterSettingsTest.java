package org.hbateam.driver.iscsi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.felix.hc.api.Result;
import org.hbateam.driver.iscsi.internal.login.Portal;
import org.junit.jupiter.api.Test;
import org.osgi.util.converter.Converters;

/** Validation names the key and never shows a secret; a rejected change keeps the running adapter. */
class AdapterSettingsTest {
    private static final String SECRET = "s3cr3t-value-here";
    private static final String HOST_INITIATOR = "iqn.2026-01.org.hbateam:0123456789ab";

    /** A configuration whose values come from a map, as ConfigAdmin would give them. */
    private static IscsiAdapterConfiguration config(Consumer<Map<String, Object>> change) {
        Map<String, Object> v = new HashMap<>();
        v.put("name", "hba0");
        v.put("localAddress", "");
        v.put("initiatorName", "iqn.2026-01.org.hbateam:i");
        v.put("portals", new String[] {"127.0.0.1:1"});
        v.put("targets", new String[] {"iqn.2026-01.org.example:t"});
        v.put("chapUser", "");
        v.put("chapSecret", "");
        v.put("mutualChapUser", "");
        v.put("mutualChapSecret", "");
        v.put("headerDigest", "None");
        v.put("dataDigest", "CRC32C");
        v.put("immediateData", true);
        v.put("initialR2T", false);
        v.put("maxBurstLength", 1048576);
        v.put("firstBurstLength", 65536);
        v.put("maxRecvDataSegmentLength", 262144);
        v.put("loginTimeoutMs", 10000);
        v.put("nopIntervalMs", 60000);
        v.put("nopTimeoutMs", 60000);
        v.put("taskManagementTimeoutMs", 10000);
        v.put("reconnectDelayMs", 500);
        v.put("reconnectMaxDelayMs", 1000);
        change.accept(v);
        return Converters.standardConverter().convert(v).to(IscsiAdapterConfiguration.class);
    }

    @Test
    void aReconnectCapBelowTheFirstDelayIsRejectedNamingBothKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdapterSettings.from(config(v -> v.put("reconnectDelayMs", 5000)), HOST_INITIATOR));
        assertTrue(e.getMessage().startsWith("reconnectMaxDelayMs:") && e.getMessage().contains("reconnectDelayMs"),
                "the message names both keys: " + e.getMessage());
    }

    @Test
    void acceptsAGoodConfiguration() {
        AdapterSettings s = AdapterSettings.from(config(v -> v.put("localAddress", "127.0.0.1")), HOST_INITIATOR);
        assertEquals("hba0", s.name(), "the name");
        assertEquals(Portal.parse("127.0.0.1:1"), s.portals().get(0), "the portal");
        assertTrue(s.proposal().dataDigest(), "CRC32C data digest asked for");
        assertEquals("127.0.0.1", s.localAddress().getAddress().getHostAddress(), "the bind address");
    }

    /** A .cfg file gives every value as one string; DS hands a String[] key that string as its only element. */
    @Test
    void aCfgListIsOneValueOrSeveralSeparatedByCommas() {
        AdapterSettings one = AdapterSettings.from(config(v -> v.put("portals", new String[] {"10.250.1.2:3260"})), HOST_INITIATOR);
        assertEquals(List.of(Portal.parse("10.250.1.2:3260")), one.portals(), "one portal");
        AdapterSettings several = AdapterSettings.from(config(v -> {
            v.put("portals", new String[] {" 10.250.1.2:3260 ,10.250.2.2, [fd00::2]:3261"});
            v.put("targets", new String[] {"iqn.2024-01.org.example:a, iqn.2024-01.org.example:b"});
        }), HOST_INITIATOR);
        assertEquals(List.of(Portal.parse("10.250.1.2:3260"), Portal.parse("10.250.2.2:3260"), Portal.parse("[fd00::2]:3261")),
                several.portals(), "three portals, blanks trimmed, the port defaulted, IPv6 kept whole");
        assertEquals(List.of("iqn.2024-01.org.example:a", "iqn.2024-01.org.example:b"), several.targets(), "two targets");
    }

    @Test
    void aTypedArrayIsAcceptedAsWell() {
        AdapterSettings s = AdapterSettings.from(config(v -> v.put("portals", new String[] {"10.250.1.2:3260", "10.250.2.2:3260"})), HOST_INITIATOR);
        assertEquals(2, s.portals().size(), "a .config file's array gives two portals: " + s.portals());
    }

    @Test
    void aBlankTargetsValueMeansDiscovery() {
        AdapterSettings s = AdapterSettings.from(config(v -> v.put("targets", new String[] {"  "})), HOST_INITIATOR);
        assertTrue(s.targets().isEmpty(), "targets = (nothing) asks SendTargets: " + s.targets());
    }

    @Test
    void anEmptyElementIsRejectedNamingTheKey() {
        for (String bad : List.of("10.250.1.2:3260,", "10.250.1.2:3260,,10.250.2.2:3260", ",10.250.1.2:3260")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> AdapterSettings.from(config(v -> v.put("portals", new String[] {bad})), HOST_INITIATOR), "rejects '" + bad + "'");
            assertTrue(e.getMessage().startsWith("portals: an empty element"), "names the key and the fault: " + e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdapterSettings.from(config(v -> v.put("targets", new String[] {"iqn.2024-01.org.example:a,"})), HOST_INITIATOR));
        assertTrue(e.getMessage().startsWith("targets: an empty element"), "names targets: " + e.getMessage());
    }

    /** The syntax the docs once showed, which a .cfg file keeps as literal text. */
    @Test
    void aJsonLikeValueIsRejectedWithTheSyntaxThatWorks() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdapterSettings.from(config(v -> v.put("targets", new String[] {"[\"iqn.2024-01.org.example:a\"]"})), HOST_INITIATOR));
        assertTrue(e.getMessage().startsWith("targets: quotes in") && e.getMessage().contains("targets = a, b"),
                "says how to write it: " + e.getMessage());
    }

    @Test
    void anEmptyInitiatorNameIsTheHostsOwnAndASetOneWins() {
        assertEquals(HOST_INITIATOR, AdapterSettings.from(config(v -> v.put("initiatorName", "")), HOST_INITIATOR)
                .initiatorName(), "empty: the host's derived name");
        assertEquals("iqn.2026-01.org.hbateam:i", AdapterSettings.from(config(v -> { }), HOST_INITIATOR)
                .initiatorName(), "a configured name overrides the host's");
    }

    @Test
    void eachBadValueIsRejectedNamingItsKey() {
        Map<String, Consumer<Map<String, Object>>> cases = Map.of(
                "name", v -> v.put("name", "bad name"),
                "localAddress", v -> v.put("localAddress", "not-an-ip"),
                "initiatorName", v -> v.put("initiatorName", "iqn"),
                "portals", v -> v.put("portals", new String[0]),
                "headerDigest", v -> v.put("headerDigest", "MD5"),
                "firstBurstLength", v -> v.put("firstBurstLength", 2097152),
                "nopTimeoutMs", v -> v.put("nopTimeoutMs", 1),
                "reconnectMaxDelayMs", v -> v.put("reconnectMaxDelayMs", 5),
                "chapSecret", v -> v.put("chapUser", "alice"),
                "mutualChapUser", v -> {
                    v.put("mutualChapUser", "bob");
                    v.put("mutualChapSecret", SECRET);
                });
        cases.forEach((key, change) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AdapterSettings.from(config(change), HOST_INITIATOR),
                    "a bad " + key + " is rejected");
            assertTrue(e.getMessage().startsWith(key + ":"), "the message names " + key + ": " + e.getMessage());
            assertFalse(e.getMessage().contains(SECRET), "no secret in the message");
        });
    }

    @Test
    void aRejectedChangeKeepsTheRunningAdapterAndIsReportedUntilFixed() {
        RejectedAdapterConfigs rejected = new RejectedAdapterConfigs();
        IscsiAdapterComponent component = new IscsiAdapterComponent(new RecordingRegistry(), config(v -> { }), "a~1",
                new SessionDirectory(), new HostInitiatorName(() -> "machine", () -> "host"), rejected);
        Adapter running = component.adapter();
        component.modified(config(v -> v.put("maxBurstLength", 1)));
        assertSame(running, component.adapter(), "a bad change leaves the previous adapter in force");
        RejectedAdapterConfigs.Rejection r = rejected.list().get(0);
        assertTrue(r.reason().startsWith("maxBurstLength:"), "the key is named: " + r);
        assertTrue(r.inForce().contains("last good configuration"), "and that the last good one runs: " + r);
        assertEquals(Result.Status.CRITICAL, AdapterConfigurationCheck.verdict(rejected.list()).getStatus(), "CRITICAL");
        component.modified(config(v -> { }));
        assertEquals(List.of(), rejected.list(), "the fix clears the report");
        assertEquals(Result.Status.OK, AdapterConfigurationCheck.verdict(rejected.list()).getStatus(), "OK again");
        component.deactivate();
        assertNull(component.adapter(), "deactivation stops the adapter");
    }

    @Test
    void aBadFirstConfigurationStartsNothingAndIsCritical() {
        RejectedAdapterConfigs rejected = new RejectedAdapterConfigs();
        IscsiAdapterComponent component = new IscsiAdapterComponent(new RecordingRegistry(), config(v -> v.put("portals", null)),
                "a~1", new SessionDirectory(), new HostInitiatorName(() -> "machine", () -> "host"), rejected);
        assertNull(component.adapter(), "no adapter runs on a rejected configuration");
        Result result = AdapterConfigurationCheck.verdict(rejected.list());
        assertEquals(Result.Status.CRITICAL, result.getStatus(), "a dashboard sees the stopped adapter");
        assertTrue(result.toString().contains("portals") && result.toString().contains("stays stopped"),
                "the key and that it is stopped: " + result);
        component.deactivate();
        assertEquals(List.of(), rejected.list(), "a deleted configuration has nothing to report");
    }

    private static final class RecordingRegistry implements PathRegistry {
        @Override
        public Registration register(org.hbateam.api.path.DataPath path, Map<String, Object> properties) {
            throw new AssertionError("nothing can be published: the portal does not answer");
        }
    }

    @Test
    void aConnectionGroupGivesEachConnectionItsAdapterAndAddressAndOffersThatManyConnections() {
        AdapterSettings s = AdapterSettings.from(config(v -> {
            v.put("portals", new String[] {"10.0.1.2:3260", "10.0.2.2:3260"});
            v.put("connections", new String[] {"hbaA@10.0.1.1", " hbaB@10.0.2.1 "});
        }), HOST_INITIATOR);
        assertTrue(s.connectionBased(), "connection-based");
        assertEquals(List.of("hbaA", "hbaB"), s.connections().stream().map(c -> c.adapterId()).toList(), "ids in order");
        assertEquals("10.0.2.1", s.connections().get(1).localAddress().getAddress().getHostAddress(), "addresses");
        assertEquals(2, s.proposal().maxConnections(), "MaxConnections offered: one per connection");
        assertEquals(1, AdapterSettings.from(config(v -> { }), HOST_INITIATOR).proposal().maxConnections(),
                "session-based adapters offer MaxConnections=1");
    }

    @Test
    void badConnectionGroupsAreRejectedNamingTheKey() {
        Map<String, Consumer<Map<String, Object>>> bad = Map.of(
                "connections:", v -> v.put("connections", new String[] {"hbaA@10.0.1.1", "hbaB@10.0.2.1"}),
                "connections: each entry", v -> {
                    v.put("portals", new String[] {"10.0.1.2", "10.0.2.2"});
                    v.put("connections", new String[] {"hbaA@10.0.1.1", "hbaB-no-address"});
                },
                "connections: adapter ids", v -> {
                    v.put("portals", new String[] {"10.0.1.2", "10.0.2.2"});
                    v.put("connections", new String[] {"hbaA@10.0.1.1", "hbaA@10.0.2.1"});
                },
                "localAddress:", v -> {
                    v.put("portals", new String[] {"10.0.1.2", "10.0.2.2"});
                    v.put("localAddress", "10.0.1.1");
                    v.put("connections", new String[] {"hbaA@10.0.1.1", "hbaB@10.0.2.1"});
                },
                "targets:", v -> {
                    v.put("portals", new String[] {"10.0.1.2", "10.0.2.2"});
                    v.put("targets", new String[0]);
                    v.put("connections", new String[] {"hbaA@10.0.1.1", "hbaB@10.0.2.1"});
                });
        bad.forEach((prefix, change) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> AdapterSettings.from(config(change), HOST_INITIATOR));
            assertTrue(e.getMessage().startsWith(prefix), "'" + e.getMessage() + "' starts with " + prefix);
        });
    }
}
