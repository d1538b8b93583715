package org.hbateam.itests.karaf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
    /** Felix HC's shell command; it prints its table only into a pipe. */
    private static final String HEALTH = "hc:exec hbateam | cat";
    private static KarafInstance karaf;

    @BeforeAll
    static void start() throws Exception {
        karaf = KarafInstance.start("config-errors-at-boot", home -> {
            Path team = home.resolve("etc/org.hbateam.team-default.cfg");
            Files.writeString(team, Files.readString(team).replace("mode = balance", "mode = failover-onlyy"));
            Files.writeString(home.resolve("etc/org.hbateam.failover.cfg"), "failback = immediatly\n");
        });
    }

    @AfterAll
    static void stop() throws Exception {
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
        String health = Eventually.poll(() -> karaf.execute(HEALTH), o -> o.matches("(?s).*hbateam configuration\\s+CRITICAL.*"));
        assertTrue(health.matches("(?s).*hbateam configuration\\s+CRITICAL.*") && health.contains("key 'mode' rejected"),
                "the configuration health check is CRITICAL and names the key: " + health);
        List<String> logged = logLines("key 'mode' rejected", "team 'default' runs on failover-only under its configured name");
        assertFalse(logged.isEmpty(), "the log names the key and says exactly what runs");
        assertTrue(logged.stream().noneMatch(l -> l.contains("previous settings")), "never 'the previous settings': " + logged);

        Path team = karaf.home().resolve("etc/org.hbateam.team-default.cfg");
        KarafInstance.writeAtomically(team, Files.readString(team).replace("mode = failover-onlyy", "mode = balance"));
        Files.delete(karaf.home().resolve("etc/org.hbateam.failover.cfg"));
        String fixed = Eventually.poll(() -> karaf.execute("hbateam:teams --no-format"), o -> o.contains("\tok"));
        assertTrue(fixed.startsWith("default\t"), "fixed, the team is accepted: " + fixed);
        String balancing = Eventually.poll(() -> karaf.execute("hbateam:team --no-format default"), o -> o.matches("(?s).*Mode\\tbalance.*"));
        assertTrue(balancing.matches("(?s).*Mode\\tbalance.*"), "and balances again: " + balancing);
        String healthy = Eventually.poll(() -> karaf.execute(HEALTH), o -> o.matches("(?s).*hbateam configuration\\s+OK.*"));
        assertTrue(healthy.matches("(?s).*hbateam configuration\\s+OK.*"), "the health check is OK again: " + healthy);
    }

    private static List<String> logLines(String first, String second) throws Exception {
        try (var lines = Files.lines(karaf.home().resolve("data/log/karaf.log"))) {
            return lines.filter(l -> l.contains(first) && l.contains(second)).toList();
        }
    }
}
