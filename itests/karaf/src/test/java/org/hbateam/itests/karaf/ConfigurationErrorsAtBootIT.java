package org.hbateam.itests.karaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.management.ObjectName;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Typos in {@code etc/} at boot, as an operator makes them: {@code mode = failover-onlyy} in the team file and
 * {@code failback = immediatly} in the global one. Nothing changes behaviour silently: the team keeps its name
 * and runs failover-only, both rejections are logged naming the key, {@code hbateam:teams} marks them, and the
 * configuration health check is CRITICAL until the files are fixed.
 */
class ConfigurationErrorsAtBootIT {
    private static final ObjectName CHECK = name("org.apache.felix.healthcheck:type=HealthCheck,name=hbateam-configuration");
    private static KarafInstance karaf;
    private static JmxClient jmx;

    @BeforeAll
    static void start() throws Exception {
        karaf = KarafInstance.start("config-errors-at-boot", home -> {
            Path team = home.resolve("etc/org.hbateam.team-default.cfg");
            Files.writeString(team, Files.readString(team).replace("mode = balance", "mode = failover-onlyy"));
            Files.writeString(home.resolve("etc/org.hbateam.failover.cfg"), "failback = immediatly\n");
        });
        jmx = new JmxClient(karaf);
    }

    @AfterAll
    static void stop() throws Exception {
        if (jmx != null) {
            jmx.close();
        }
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    void aTypoAtBootIsReportedAndTheTeamKeepsItsNameInFailoverOnlyUntilFixed() throws Exception {
        String teams = Eventually.poll(() -> karaf.execute("hbateam:teams --no-format"), o -> o.contains("REJECTED (mode)"));
        assertTrue(teams.startsWith("default\t") && teams.contains("REJECTED (mode)"),
                "the team keeps its name 'default' and is marked rejected: " + teams);
        String table = karaf.execute("hbateam:teams");
        assertTrue(table.contains("REJECTED org.hbateam.team: key 'mode' rejected: 'failover-onlyy'")
                        && table.contains("in force: failover-only under its configured name"),
                "the team's rejection and what runs instead are listed: " + table);
        assertTrue(table.contains("REJECTED org.hbateam.failover: key 'failback' rejected: 'immediatly'")
                        && table.contains("in force: the declared defaults (no good configuration yet)"),
                "so is the global one, never 'the previous settings': " + table);
        assertTrue(karaf.execute("hbateam:team --no-format default").matches("(?s).*Mode\\tfailover-only.*"),
                "the team runs failover-only, the safest mode, not the global default 'balance'");
        assertEquals("CRITICAL", Eventually.poll(() -> jmx.get(CHECK, "status"), "CRITICAL"::equals),
                "the configuration health check is CRITICAL");
        List<String> logged = logLines("key 'mode' rejected", "team 'default' runs on failover-only under its configured name");
        assertFalse(logged.isEmpty(), "the log names the key and says exactly what runs");
        assertTrue(logged.stream().noneMatch(l -> l.contains("previous settings")), "never 'the previous settings': " + logged);

        Path team = karaf.home().resolve("etc/org.hbateam.team-default.cfg");
        Files.writeString(team, Files.readString(team).replace("mode = failover-onlyy", "mode = balance"));
        Files.delete(karaf.home().resolve("etc/org.hbateam.failover.cfg"));
        String fixed = Eventually.poll(() -> karaf.execute("hbateam:teams --no-format"), o -> o.contains("\tok"));
        assertTrue(fixed.startsWith("default\t"), "fixed, the team is accepted: " + fixed);
        assertTrue(karaf.execute("hbateam:team --no-format default").matches("(?s).*Mode\\tbalance.*"), "and balances again");
        assertEquals("OK", Eventually.poll(() -> jmx.get(CHECK, "status"), "OK"::equals), "the health check is OK again");
    }

    private static List<String> logLines(String first, String second) throws Exception {
        try (var lines = Files.lines(karaf.home().resolve("data/log/karaf.log"))) {
            return lines.filter(l -> l.contains(first) && l.contains(second)).toList();
        }
    }

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
