package org.hbateam.itests.karaf;

import static org.hbateam.itests.karaf.DefaultAssemblyIT.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every hbateam command against one running copy of the built assembly, as the administrator and as a viewer:
 * good arguments do what they say, bad ones print one line and no stack trace, configuration changes apply live,
 * and the command ACL keeps a viewer from changing anything.
 */
class ShellCommandsIT {
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static KarafInstance karaf;
    private static String hba0Path;
    private static String hba1Path;

    @BeforeAll
    static void start() throws Exception {
        karaf = KarafInstance.start("shell-commands");
        for (String row : rows(karaf.execute("hbateam:paths --no-format"))) {
            String[] cells = row.split("\t");
            if (cells[2].trim().equals("hba0")) {
                hba0Path = cells[1].trim();
            } else if (cells[2].trim().equals("hba1")) {
                hba1Path = cells[1].trim();
            }
        }
        assertTrue(hba0Path != null && hba1Path != null, "the default team should have paths over hba0 and hba1");
    }

    @AfterAll
    static void stop() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    void teamShowsSettingsHealthAndEveryPath() throws Exception {
        String out = karaf.execute("hbateam:team default");
        assertTrue(out.contains("Usable paths") && out.contains("2 of 2"), "both paths usable: " + out);
        assertTrue(out.contains("Failovers") && out.contains("Last failover"), "failover count and time: " + out);
        assertTrue(out.contains(hba0Path) && out.contains(hba1Path), "one row per path: " + out);
        assertTrue(out.contains("Latency") && out.contains("Read %"), "latency and share columns: " + out);
        assertTrue(out.matches("(?s).*LU designator\\s+naa\\.600144f0000000000000000000000001\\R.*"),
                "the designator as the LU reported it (an NAA: the identity itself): " + out);
    }

    @Test
    void wrongArgumentsPrintOneLineAndNoStackTrace() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("hbateam:team nosuch", "no team named 'nosuch'");
        expected.put("hbateam:paths nosuch", "no team named 'nosuch'");
        expected.put("hbateam:fail-path default nosuch", "nosuch");
        expected.put("hbateam:reinstate-path nosuch " + hba0Path, "no team named 'nosuch'");
        expected.put("hbateam:prefer-path default hba9", "team default has no path or adapter 'hba9'; adapters: hba0, hba1");
        expected.put("hbateam:reset-counters nosuch", "no team named 'nosuch'");
        expected.put("hbateam:policy default fastest", "unknown policy 'fastest'; available: ");
        expected.put("hbateam:shares --read hba0=60,hba1=30 default", "readShares: shares must sum to 100, they sum to 90");
        expected.put("hbateam:shares --write hba0=x default", "writeShares");
        expected.put("hbateam:shares default", "give --read and/or --write");
        expected.put("hbateam:watch --interval 5", "--interval");
        expected.put("hbateam:bench --read-percent 70 default", "--allow-writes");
        expected.put("hbateam:bench --size 12q default", "--size");
        expected.put("hbateam:bench --queue-depth 0 default", "--queue-depth");
        expected.put("hbateam:sim-fault melt hba0", "unknown fault 'melt'");
        expected.put("hbateam:sim-fault cut hba7", "no simulated adapter or path 'hba7'");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            KarafInstance.Outcome outcome = karaf.client(e.getKey());
            assertOneErrorLine(e.getKey(), outcome.output(), e.getValue());
            assertEquals(1, outcome.exitStatus(), e.getKey() + " must fail bin/client -b, so scripts see it: " + outcome.output());
        }
        String missing = karaf.execute("hbateam:team");
        assertFalse(missing.contains("\tat "), "a missing argument gives no stack trace: " + missing);
        assertTrue(missing.toLowerCase().contains("team"), "a missing argument is named: " + missing);
    }

    @Test
    void binClientInBatchModeExitsZeroWithTheOutputOfACommandThatWorks() throws Exception {
        KarafInstance.Outcome ok = karaf.client("hbateam:teams --no-format");
        assertEquals(0, ok.exitStatus(), "a command that works exits 0: " + ok.output());
        assertTrue(ok.output().startsWith("default\t"), "its output is printed: " + ok.output());
        KarafInstance.Outcome failed = karaf.client("hbateam:team nosuch", "hbateam:teams");
        assertEquals(1, failed.exitStatus(), "a failing command exits non-zero: " + failed.output());
        assertTrue(failed.output().contains("no team named 'nosuch'"), "the error is printed: " + failed.output());
        assertFalse(failed.output().contains("LU identity"), "batch mode stops at the failing command: " + failed.output());
    }

    @Test
    void binHbateamFromCronReturnsTheCommandsOutputAndExitStatus() throws Exception {
        KarafInstance.Outcome teams = karaf.hbateamScript("teams");
        assertEquals(0, teams.exitStatus(), "bin/hbateam teams exits 0: " + teams.output());
        assertTrue(teams.output().startsWith("Team ") && teams.output().contains("default"),
                "the table, with no JAVA_HOME warning before it: " + teams.output());
        KarafInstance.Outcome bench = karaf.hbateamScript("bench", "--duration", "2s", "--queue-depth", "8", "default");
        assertEquals(0, bench.exitStatus(), "a clean bench exits 0: " + bench.output());
        assertTrue(bench.output().contains("bench default: 128 KiB, 100% read") && bench.output().contains(" 0 errors"),
                "the bench summary: " + bench.output());
        KarafInstance.Outcome unknown = karaf.hbateamScript("team", "nosuch");
        assertEquals(1, unknown.exitStatus(), "an unknown team exits non-zero: " + unknown.output());
        assertTrue(unknown.output().contains("no team named 'nosuch'; teams: default"), "the error is printed: " + unknown.output());
        KarafInstance.Outcome usage = karaf.hbateamScript();
        assertEquals(2, usage.exitStatus(), "no command is a usage error: " + usage.output());
    }

    @Test
    void policyCommandChangesTheTeamConfigurationLive() throws Exception {
        String out = karaf.execute("hbateam:policy default round-robin");
        assertTrue(out.contains("policy set to round-robin"), "the policy command confirms: " + out);
        awaitFile(karaf.home().resolve("etc/org.hbateam.team-default.cfg"), t -> t.matches("(?s).*policy\\s*=\\s*round-robin.*"));
        if (!out.contains("no balancer of policy")) {
            awaitOutput("hbateam:teams --no-format", o -> o.contains("round-robin"));
        }
        karaf.execute("hbateam:policy default static");
        awaitFile(karaf.home().resolve("etc/org.hbateam.team-default.cfg"), t -> t.matches("(?s).*policy\\s*=\\s*static.*"));
        awaitOutput("hbateam:teams --no-format", o -> o.contains("\tstatic\t"));
    }

    @Test
    void aPolicySwitchThatWorksLogsNoWarning() throws Exception {
        Path log = karaf.home().resolve("data/log/karaf.log");
        long before = Files.readAllLines(log).size();
        karaf.execute("hbateam:policy default least-queue-depth");
        awaitOutput("hbateam:teams --no-format", o -> o.contains("least-queue-depth"));
        karaf.execute("hbateam:policy default static");
        awaitOutput("hbateam:teams --no-format", o -> o.contains("\tstatic\t"));
        // The warning would come 2 s (the grace period) plus one sweep after a switch; wait that out, then look.
        Instant graceOver = Instant.now().plusMillis(2500);
        while (Instant.now().isBefore(graceOver)) {
            Thread.sleep(100);
        }
        List<String> warnings = Files.readAllLines(log).stream().skip(before).filter(l -> l.contains("no balancer for policy")).toList();
        assertEquals(List.of(), warnings, "two switches to installed policies, and no 'no balancer' warning");
    }

    @Test
    void sharesCommandWritesBothKeys() throws Exception {
        String out = karaf.execute("hbateam:shares --read hba0=70,hba1=30 --write hba0=50,hba1=50 default");
        assertTrue(out.contains("readShares and writeShares set"), "the shares command confirms: " + out);
        awaitFile(karaf.home().resolve("etc/org.hbateam.team-default.cfg"),
                t -> t.contains("hba0=70") && t.contains("hba1=30") && t.contains("hba0=50"));
    }

    @Test
    void editingTheTeamFileInEtcAppliesLive() throws Exception {
        Path file = karaf.home().resolve("etc/org.hbateam.team-default.cfg");
        String original = Files.readString(file);
        try {
            KarafInstance.writeAtomically(file, original.replaceAll("(?m)^mode\\s*=.*$", "mode = failover-only"));
            awaitOutput("hbateam:team --no-format default", o -> o.matches("(?s).*Mode\\s+failover-only.*"));
        } finally {
            KarafInstance.writeAtomically(file, Files.readString(file).replaceAll("(?m)^mode\\s*=.*$", "mode = balance"));
            awaitOutput("hbateam:team --no-format default", o -> o.matches("(?s).*Mode\\s+balance.*"));
        }
    }

    @Test
    void operatorFailsReinstatesAndPrefersPathsAndResetsCounters() throws Exception {
        String failed = karaf.execute("hbateam:fail-path default " + hba0Path);
        assertTrue(failed.contains("failed by the operator"), "fail-path confirms: " + failed);
        String team = karaf.execute("hbateam:team default");
        assertTrue(team.contains("1 of 2") && team.contains("operator"), "the path is held out by the operator: " + team);
        String reinstated = karaf.execute("hbateam:reinstate-path default " + hba0Path);
        assertTrue(reinstated.contains("reinstated") && !reinstated.contains("not reinstated"), "reinstate-path confirms: " + reinstated);
        awaitOutput("hbateam:team default", o -> o.contains("2 of 2"));
        String preferred = karaf.execute("hbateam:prefer-path default hba1", "hbateam:prefer-path default -");
        assertTrue(preferred.contains("primary is now hba1") && preferred.contains("configured one again"), "prefer-path confirms: " + preferred);
        String reset = karaf.execute("hbateam:reset-counters default");
        assertTrue(reset.contains("counters reset"), "reset-counters confirms: " + reset);
    }

    @Test
    void simulatedFaultsCutAndRestoreAnAdapter() throws Exception {
        assertTrue(karaf.execute("hbateam:sim-faults").contains("no faults"), "no faults at the start");
        assertTrue(rows(karaf.execute("hbateam:sim-faults --no-format")).isEmpty(), "no rows for scripts either");
        String cut = karaf.execute("hbateam:sim-fault cut hba1");
        assertTrue(cut.contains("cut hba1: done"), "sim-fault confirms: " + cut);
        String faults = karaf.execute("hbateam:sim-faults --no-format");
        assertTrue(faults.contains("hba1") && faults.contains("CUT"), "the cut is listed: " + faults);
        awaitOutput("hbateam:paths --no-format default", o -> rows(o).stream().anyMatch(r -> r.contains(hba1Path) && r.contains("DOWN")));
        karaf.execute("hbateam:sim-fault restore hba1");
        awaitOutput("hbateam:reinstate-path default " + hba1Path + "\nhbateam:team default", o -> o.contains("2 of 2"));
    }

    @Test
    void watchPrintsTheRequestedFramesAndEnds() throws Exception {
        String out = karaf.execute("hbateam:watch --interval 200 --count 2 default");
        assertEquals(2, out.split("hbateam:watch ", -1).length - 1, "two frames: " + out);
        assertTrue(out.contains("MB/s") && out.contains(hba0Path), "per-path throughput: " + out);
    }

    @Test
    void benchPrintsProgressAndAFinalSummaryLine() throws Exception {
        String out = karaf.execute("hbateam:bench --duration 2s --queue-depth 8 --size 64k default");
        List<String> summary = rows(out).stream().filter(l -> l.startsWith("bench default: 64 KiB, 100% read") && l.contains("p99.9")).toList();
        assertEquals(1, summary.size(), "one summary line: " + out);
        String line = summary.get(0);
        assertTrue(line.contains("MB/s") && line.contains("IOPS") && line.contains("p50") && line.contains("p99.9")
                && line.endsWith(" 0 errors"), "throughput, IOPS and percentiles, no errors: " + line);
        assertTrue(rows(out).stream().anyMatch(l -> l.trim().startsWith("1 s")), "a progress line per second: " + out);
        String mixed = karaf.execute("hbateam:bench --duration 1s --read-percent 70 --allow-writes default");
        assertTrue(mixed.contains("70% read") && mixed.contains(" 0 errors"), "a mixed run with writes: " + mixed);
    }

    @Test
    void viewerMayListAndWatchButNotChangeAnything() throws Exception {
        String teams = karaf.executeAs("viewer", "viewer", "hbateam:teams --no-format");
        assertTrue(teams.startsWith("default"), "a viewer lists the teams: " + teams);
        String watch = karaf.executeAs("viewer", "viewer", "hbateam:watch --interval 100 --count 1");
        assertTrue(watch.contains("MB/s"), "a viewer watches: " + watch);
        String refused = karaf.executeAs("viewer", "viewer", "hbateam:fail-path default " + hba0Path);
        assertTrue(refused.contains("not found") || refused.contains("Insufficient credentials"), "the viewer is refused: " + refused);
        String bench = karaf.executeAs("viewer", "viewer", "hbateam:bench --duration 1s default");
        assertFalse(bench.contains("IOPS"), "a viewer cannot drive I/O: " + bench);
        String team = karaf.execute("hbateam:team default");
        assertTrue(team.contains("2 of 2") && !team.contains("operator"), "the refused command changed nothing: " + team);
    }

    private static void assertOneErrorLine(String command, String out, String expected) {
        List<String> lines = rows(out);
        assertEquals(1, lines.size(), command + " should print exactly one line: " + out);
        assertTrue(lines.get(0).contains("Error") && lines.get(0).contains(expected), command + " should say '" + expected + "': " + out);
        assertFalse(out.contains("Exception"), command + " should print no exception: " + out);
    }

    private static void awaitOutput(String commands, Predicate<String> done) throws Exception {
        Instant deadline = Instant.now().plus(SETTLE);
        String out = "";
        while (Instant.now().isBefore(deadline)) {
            out = karaf.execute(commands.split("\n"));
            if (done.test(out)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("'" + commands + "' did not show the expected state within " + SETTLE + "; last output: " + out);
    }

    private static void awaitFile(Path file, Predicate<String> done) throws Exception {
        Instant deadline = Instant.now().plus(SETTLE);
        while (Instant.now().isBefore(deadline)) {
            if (done.test(Files.readString(file))) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(file + " did not get the expected content within " + SETTLE + ": " + Files.readString(file));
    }
}
