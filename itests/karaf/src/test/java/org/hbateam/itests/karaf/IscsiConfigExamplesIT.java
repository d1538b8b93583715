package org.hbateam.itests.karaf;

import static org.hbateam.itests.karaf.DefaultAssemblyIT.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hbateam.itests.karaf.DocExamples.Example;
import org.hbateam.testbed.BedSpec;
import org.hbateam.testbed.Chap;
import org.hbateam.testbed.TestBed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The iSCSI configuration examples of the docs, run as written against the built assembly and a real tgtd bed:
 * the files are taken from the markdown at test time ({@link DocExamples}) and copied into {@code etc/}; only the
 * slot-0 addresses, the example target IQN, the {@code <secret>} placeholder and the example LU identity are
 * replaced by the bed's, because beds get the free address slot and their own IQN and identity.
 */
class IscsiConfigExamplesIT {
    private static final Pattern BENCH_SUMMARY = Pattern.compile("bench (\\S+): .* ([0-9.]+) MB/s, .* (\\d+) errors");
    private static final String GUIDE_TARGET = "iqn.2024-01.org.example:store.lun1";
    private static final String GUIDE_IDENTITY = "naa.6000000000000000e00000000010001";
    private static final String README_TARGET = "iqn.2024-01.org.hbateam:testbed.demo";
    private static final Chap GUIDE_CHAP = new Chap("appliance1", "OpCfg.Secret-01");

    @BeforeAll
    static void installBedPackages() {
        TestBed.install();
    }

    @Test
    void operatorGuideFirstDayFormsTheStoreTeamAndBenchesIt() throws Exception {
        List<Example> examples = section(DocExamples.read(DocExamples.document("docs/operator-guide.md")));
        List<Example> commands = examples.stream().filter(e -> !e.isFile()).toList();
        assertEquals(List.of("feature:install hbateam-driver-iscsi", "hbateam:bench --duration 10s store",
                "hbateam:bench --read-percent 70 --allow-writes store"),
                commands.stream().flatMap(e -> e.lines().stream()).toList(), "the guide's commands, in order");
        TestBed.down("opcg");
        try (TestBed bed = TestBed.up(BedSpec.builder().name("opcg").paths(2).size("256M").chap(GUIDE_CHAP).build());
             KarafInstance karaf = KarafInstance.start("iscsi-guide-examples")) {
            Map<String, String> bedValues = bedValues(bed, GUIDE_TARGET);
            bedValues.put("<secret>", GUIDE_CHAP.secret());
            assertCommandWorks(karaf.execute(commands.get(0).text()));
            write(karaf, file(examples, "etc/org.hbateam.iscsi.adapter-hba0.cfg"), bedValues);
            write(karaf, file(examples, "etc/org.hbateam.iscsi.adapter-hba1.cfg"), bedValues);
            String identity = awaitTwoUpPaths(karaf, bed, List.of("hba0", "hba1"));
            write(karaf, file(examples, "etc/org.hbateam.team-store.cfg"), Map.of(GUIDE_IDENTITY, identity));
            List<String> expected = List.of("store", identity, "service-time", "2", "2");
            String teams = Eventually.poll(() -> karaf.execute("hbateam:teams --no-format"), o -> teamRows(o).contains(expected));
            assertTrue(teamRows(teams).contains(expected),
                    "the team file names the team store, with policy service-time and both paths usable: " + teams);
            assertCleanBench(karaf.execute(commands.get(1).text()), "store");
            assertCleanBench(karaf.execute(commands.get(2).text()), "store");
        }
    }

    @Test
    void driverReadmeExampleLogsInThroughBothPortalsOfOneAdapter() throws Exception {
        List<Example> examples = DocExamples.read(DocExamples.document("bundles/driver-iscsi/README.md"));
        Example adapter = file(examples, "etc/org.hbateam.iscsi.adapter-hba0.cfg");
        assertTrue(adapter.text().matches("(?s).*\\nportals = [^\\n]+, [^\\n]+\\n.*"), "the README shows several portals: " + adapter.text());
        TestBed.down("opcr");
        try (TestBed bed = TestBed.up(BedSpec.builder().name("opcr").paths(2).size("256M").build());
             KarafInstance karaf = KarafInstance.start("iscsi-readme-example")) {
            assertCommandWorks(karaf.execute("feature:install hbateam-driver-iscsi"));
            write(karaf, adapter, bedValues(bed, README_TARGET));
            String team = awaitTwoUpPaths(karaf, bed, List.of("hba0", "hba0"));
            assertCleanBench(karaf.execute("hbateam:bench --duration 3s " + team), team);
        }
    }

    /** The examples of the "First day on a real iSCSI target" section. */
    private static List<Example> section(List<Example> all) {
        int first = 0;
        while (first < all.size() && !all.get(first).text().startsWith("feature:install")) {
            first++;
        }
        return all.subList(first, all.size());
    }

    private static Example file(List<Example> examples, String target) {
        return examples.stream().filter(e -> target.equals(e.target())).findFirst()
                .orElseThrow(() -> new AssertionError("the document has no example-file for " + target + ": " + examples));
    }

    /** The doc's slot-0 addresses of paths 1 and 2 and its target IQN, mapped to this bed's. */
    private static Map<String, String> bedValues(TestBed bed, String docTarget) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int path = 1; path <= 2; path++) {
            values.put("10.250." + path + ".1", bed.hostAddress(path));
            values.put("10.250." + path + ".2", bed.portal(path).address());
        }
        values.put(docTarget, bed.targetIqn());
        return values;
    }

    /** Writes the example into the instance's etc/, each key of {@code values} replaced as a whole token. */
    private static void write(KarafInstance karaf, Example example, Map<String, String> values) throws Exception {
        String alternatives = String.join("|", values.keySet().stream().map(Pattern::quote).toList());
        Matcher m = Pattern.compile("(?<![\\w.])(" + alternatives + ")(?![\\w])").matcher(example.text());
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(text, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(text);
        Files.writeString(karaf.home().resolve(example.target()), text.toString());
    }

    /** Waits until the bed's target shows two UP paths over {@code adapters}; returns their team's name. */
    private static String awaitTwoUpPaths(KarafInstance karaf, TestBed bed, List<String> adapters) throws Exception {
        String out = Eventually.poll(() -> karaf.execute("hbateam:paths --no-format"), o -> upPaths(o, bed).size() == 2);
        List<String[]> up = upPaths(out, bed);
        assertEquals(2, up.size(), "two UP paths to " + bed.targetIqn() + ": " + out);
        assertEquals(adapters, up.stream().map(c -> c[2].trim()).sorted().toList(), "the paths' adapters: " + out);
        assertEquals(up.get(0)[0].trim(), up.get(1)[0].trim(), "both paths in one team: " + out);
        return up.get(0)[0].trim();
    }

    /** Each team's name, identity, policy, paths and usable paths. */
    private static List<List<String>> teamRows(String teamsOutput) {
        return rows(teamsOutput).stream().map(r -> r.split("\t")).map(c -> List.of(c[0].trim(), c[1].trim(), c[2].trim(),
                c[c.length - 2].trim(), c[c.length - 1].trim())).toList();
    }

    private static List<String[]> upPaths(String pathsOutput, TestBed bed) {
        return rows(pathsOutput).stream().filter(r -> r.contains(bed.targetIqn())).map(r -> r.split("\t"))
                .filter(c -> List.of(c).stream().anyMatch(cell -> cell.trim().equals("UP"))).toList();
    }

    private static void assertCommandWorks(String out) {
        assertFalse(out.toLowerCase().contains("error"), "the command ran without an error: " + out);
    }

    private static void assertCleanBench(String out, String team) {
        Matcher summary = rows(out).stream().map(BENCH_SUMMARY::matcher).filter(Matcher::find).findFirst()
                .orElseThrow(() -> new AssertionError("no bench summary line: " + out));
        assertEquals(team, summary.group(1), "the bench ran on " + team + ": " + out);
        assertTrue(Double.parseDouble(summary.group(2)) > 0, "the bench moved data: " + out);
        assertEquals("0", summary.group(3), "the bench saw no errors: " + out);
    }
}
