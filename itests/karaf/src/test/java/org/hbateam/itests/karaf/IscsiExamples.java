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
import org.hbateam.testbed.TestBed;

/**
 * What the tests of the docs' iSCSI examples share: putting an example file into {@code etc/} with the bed's values
 * in place of the doc's, waiting for the paths it gives, and checking a bench run. A bed gets the free address slot
 * and its own target IQN, so the doc's slot-0 addresses ({@code 10.250.1.1}, {@code 10.250.1.2}, {@code 10.250.2.1},
 * {@code 10.250.2.2}) and its IQN are replaced as whole tokens; nothing else is.
 */
final class IscsiExamples {
    private static final Pattern BENCH_SUMMARY = Pattern.compile("bench (\\S+): .* ([0-9.]+) MB/s, .* (\\d+) errors");

    private IscsiExamples() {
    }

    static Example file(List<Example> examples, String target) {
        return examples.stream().filter(e -> target.equals(e.target())).findFirst()
                .orElseThrow(() -> new AssertionError("the document has no example-file for " + target + ": " + examples));
    }

    /** The doc's slot-0 addresses of paths 1 and 2 and its target IQN, mapped to this bed's. */
    static Map<String, String> bedValues(TestBed bed, String docTarget) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int path = 1; path <= 2; path++) {
            values.put("10.250." + path + ".1", bed.hostAddress(path));
            values.put("10.250." + path + ".2", bed.portal(path).address());
        }
        values.put(docTarget, bed.targetIqn());
        return values;
    }

    /** Writes the example into the instance's etc/, each key of {@code values} replaced as a whole token. */
    static void write(KarafInstance karaf, Example example, Map<String, String> values) throws Exception {
        String alternatives = String.join("|", values.keySet().stream().map(Pattern::quote).toList());
        Matcher m = Pattern.compile("(?<![\\w.])(" + alternatives + ")(?![\\w])").matcher(example.text());
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(text, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(text);
        KarafInstance.writeAtomically(karaf.home().resolve(example.target()), text.toString());
    }

    /** Waits until the bed's target shows two UP paths over {@code adapters} in one team; returns the team's name. */
    static String awaitTwoUpPathsInOneTeam(KarafInstance karaf, TestBed bed, List<String> adapters) throws Exception {
        String out = Eventually.poll(() -> karaf.execute("hbateam:paths --no-format"),
                o -> twoUpPathsInOneTeam(upPaths(o, bed), adapters));
        List<String[]> up = upPaths(out, bed);
        assertEquals(2, up.size(), "two UP paths to " + bed.targetIqn() + ": " + out);
        assertEquals(adapters, adapters(up), "the paths' adapters: " + out);
        assertEquals(up.get(0)[0].trim(), up.get(1)[0].trim(), "both paths in one team: " + out);
        return up.get(0)[0].trim();
    }

    /**
     * Each team's name, identity, policy, paths, usable paths and configuration state, from
     * {@code hbateam:teams --no-format}, by position: columns may be added at the end.
     */
    static List<List<String>> teamRows(String teamsOutput) {
        return rows(teamsOutput).stream().map(r -> r.split("\t")).filter(c -> c.length >= 6)
                .map(c -> List.of(c[0].trim(), c[1].trim(), c[2].trim(), c[3].trim(), c[4].trim(), c[5].trim())).toList();
    }

    static void assertCommandWorks(String out) {
        assertFalse(out.toLowerCase().contains("error"), "the command ran without an error: " + out);
    }

    /** The bench printed its summary for {@code team}, moved data and saw no error. */
    static void assertCleanBench(String out, String team) {
        Matcher summary = rows(out).stream().map(BENCH_SUMMARY::matcher).filter(Matcher::find).findFirst()
                .orElseThrow(() -> new AssertionError("no bench summary line: " + out));
        assertEquals(team, summary.group(1), "the bench ran on " + team + ": " + out);
        assertTrue(Double.parseDouble(summary.group(2)) > 0, "the bench moved data: " + out);
        assertEquals("0", summary.group(3), "the bench saw no errors: " + out);
    }

    private static boolean twoUpPathsInOneTeam(List<String[]> up, List<String> adapters) {
        return up.size() == 2 && adapters(up).equals(adapters) && up.get(0)[0].trim().equals(up.get(1)[0].trim());
    }

    private static List<String> adapters(List<String[]> paths) {
        return paths.stream().map(c -> c[2].trim()).sorted().toList();
    }

    /** Rows of {@code hbateam:paths --no-format} (team, path id, adapter, ...) to the bed's target whose state is UP. */
    private static List<String[]> upPaths(String pathsOutput, TestBed bed) {
        return rows(pathsOutput).stream().filter(r -> r.contains(bed.targetIqn())).map(r -> r.split("\t"))
                .filter(c -> List.of(c).stream().anyMatch(cell -> cell.trim().equals("UP"))).toList();
    }
}
