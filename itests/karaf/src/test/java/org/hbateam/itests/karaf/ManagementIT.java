package org.hbateam.itests.karaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;

import javax.management.ObjectName;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JMX MBeans, the Felix Health Checks and the event log lines of the built assembly, with faults injected through
 * the simulator's MBean. Each test leaves both default paths in service again.
 */
class ManagementIT {
    private static final ObjectName TEAM = name("org.hbateam:type=Team,name=default");
    private static final ObjectName SIMULATOR = name("org.hbateam:type=Simulator");

    private static KarafInstance karaf;
    private static JmxClient jmx;
    private static List<String> paths;

    @BeforeAll
    static void start() throws Exception {
        karaf = KarafInstance.start("management");
        // The shell answers before the JMX connector is up: wait for the connection itself.
        jmx = Eventually.poll(ManagementIT::connect, client -> client != null);
        assertTrue(jmx != null, "the JMX connector came up within the bound");
        Set<ObjectName> pathNames = Eventually.poll(() -> jmx.names("org.hbateam:type=Path,team=default,*"), s -> s.size() == 2);
        paths = pathNames.stream().map(n -> ObjectName.unquote(n.getKeyProperty("path"))).sorted().toList();
    }

    private static JmxClient connect() {
        try {
            return new JmxClient(karaf);
        } catch (java.io.IOException e) {
            return null;
        }
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

    @AfterEach
    void bothPathsBackInService() throws Exception {
        for (String path : paths) {
            jmx.invoke(SIMULATOR, "restorePath", path);
            jmx.invoke(TEAM, "reinstatePath", path);
        }
        int usable = Eventually.poll(() -> (Integer) jmx.get(TEAM, "UsablePaths"), u -> u == 2);
        assertEquals(2, usable, "both paths back in service after the test");
    }

    @Test
    void theTeamAndItsPathsAreMBeans() throws Exception {
        assertEquals(2, paths.size(), "one path MBean per default path: " + paths);
        assertEquals("balance", jmx.get(TEAM, "Mode"), "the configured mode");
        assertEquals("naa.600144f0000000000000000000000001", jmx.get(TEAM, "LuIdentity"), "the default LU");
        assertEquals(2, jmx.get(TEAM, "PathCount"), "two paths");
        for (String path : paths) {
            ObjectName pathName = pathName(path);
            assertEquals("UP", jmx.get(pathName, "State"), path + " is up");
            assertEquals(50.0, (Double) jmx.get(pathName, "ReadShare"), 0.5, path + " has half the read share");
        }
    }

    @Test
    void anOperatorFailsAndReinstatesAPathThroughJmx() throws Exception {
        String path = paths.get(0);
        jmx.invoke(TEAM, "failPath", path);
        assertEquals(true, jmx.get(pathName(path), "HeldByOperator"), "failPath holds the path out by operator");
        assertEquals("DOWN", jmx.get(pathName(path), "State"), "a held-out path shows DOWN");
        assertEquals(1, jmx.get(TEAM, "UsablePaths"), "one path left");

        assertEquals(true, jmx.invoke(pathName(path), "reinstate"), "reinstate puts the path back");
        assertEquals("UP", jmx.get(pathName(path), "State"), "the path is up again");
    }

    @Test
    void healthChecksTurnRedWithFaultsAndGreenAfterwards() throws Exception {
        assertEquals(List.of("OK", "OK", "OK"), Eventually.poll(this::healthStatuses, s -> s.equals(List.of("OK", "OK", "OK"))),
                "all hbateam checks green at first (all paths down, degraded, flaky)");

        jmx.invoke(SIMULATOR, "cutPath", paths.get(0));
        assertEquals(List.of("OK", "WARN", "OK"), Eventually.poll(this::healthStatuses, s -> s.get(1).equals("WARN")),
                "one path cut: the team is degraded (WARN), not down");

        jmx.invoke(SIMULATOR, "cutPath", paths.get(1));
        List<String> down = Eventually.poll(this::healthStatuses, s -> s.get(0).equals("CRITICAL"));
        assertEquals("CRITICAL", down.get(0), "both paths cut: all paths down is CRITICAL; got " + down);
        ObjectName check = name("org.apache.felix.healthcheck:type=HealthCheck,name=hbateam-all-paths-down");
        assertEquals("CRITICAL", Eventually.poll(() -> jmx.get(check, "status"), "CRITICAL"::equals),
                "Felix Health Checks publish the same verdict as an MBean");

        bothPathsBackInService();
        assertEquals(List.of("OK", "OK", "OK"), Eventually.poll(this::healthStatuses, s -> s.equals(List.of("OK", "OK", "OK"))),
                "green again once the paths are restored");
    }

    @Test
    void eachEventIsLoggedOnceAtItsLevel() throws Exception {
        String path = paths.get(1);
        long before = logLines("", "").size();
        jmx.invoke(SIMULATOR, "cutPath", path);
        Eventually.poll(() -> (Integer) jmx.get(TEAM, "UsablePaths"), u -> u == 1);
        String marker = "path " + path + " (adapter ";
        List<String> downLines = Eventually.poll(() -> logLinesAfter(before, marker, "failed"), l -> !l.isEmpty());
        assertEquals(1, downLines.size(), "the path going down is logged once: " + downLines);
        assertTrue(downLines.get(0).contains("| WARN "), "a failed path is a WARN: " + downLines);

        jmx.invoke(SIMULATOR, "restorePath", path);
        jmx.invoke(TEAM, "reinstatePath", path);
        List<String> upLines = Eventually.poll(() -> logLinesAfter(before, marker, "reinstated"), l -> !l.isEmpty());
        assertEquals(1, upLines.size(), "the path coming back is logged once: " + upLines);
        assertTrue(upLines.get(0).contains("| INFO "), "a reinstated path is INFO: " + upLines);
    }

    /** Statuses of the three hbateam checks in a fixed order: all paths down, degraded teams, flaky paths. */
    private List<String> healthStatuses() throws Exception {
        String body = Http.get(karaf, "/hbateam/api/health");
        return List.of(status(body, "hbateam all paths down"), status(body, "hbateam degraded teams"), status(body, "hbateam flaky paths"));
    }

    private static String status(String body, String check) {
        int at = body.indexOf("\"name\":\"" + check + "\",\"status\":\"");
        if (at < 0) {
            return "MISSING in " + body;
        }
        int start = body.indexOf("\"status\":\"", at) + 10;
        return body.substring(start, body.indexOf('"', start));
    }

    private static List<String> logLines(String marker, String verb) throws Exception {
        return logLinesAfter(0, marker, verb);
    }

    /** The lines of karaf.log after the first {@code skip} that contain both strings. */
    private static List<String> logLinesAfter(long skip, String marker, String verb) throws Exception {
        try (var lines = Files.lines(karaf.home().resolve("data/log/karaf.log"))) {
            return lines.skip(skip).filter(l -> l.contains(marker) && l.contains(verb)).toList();
        }
    }

    private static ObjectName pathName(String path) {
        return name("org.hbateam:type=Path,team=default,path=" + ObjectName.quote(path));
    }

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
