package org.hbateam.itests.karaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.ObjectName;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live page in headless Chromium, logged in as the shipped viewer: both default paths show UP; after the
 * simulator cuts one, the page shows it DOWN, marks the failover on the timeline and its chart has moved on.
 * Leaves a screenshot in target/web-console.png (docs/web-console.png is a copy of one). And over plain HTTP: who
 * may read and who may act.
 */
class WebConsoleIT {
    private static final ObjectName SIMULATOR = name("org.hbateam:type=Simulator");

    private static KarafInstance karaf;
    private static JmxClient jmx;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void start() throws Exception {
        Path target = Paths.get(System.getProperty("hbateam.workdir")).getParent();
        chromium = new HeadlessChromium(target.resolve("chromium"));
        karaf = KarafInstance.start("web-console");
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
    void theCutPathTurnsDownAndTheChartMoves() throws Exception {
        String url = "http://viewer:viewer@127.0.0.1:" + karaf.httpPort() + "/hbateam/";
        jmx.call(SIMULATOR, "readLoad", new Object[] {"default", 120}, "java.lang.String", "int");
        String before = Eventually.poll(() -> chromium.dumpDom(url, 3000), d -> states(d).equals(List.of("UP", "UP")) && samples(d) >= 3);
        assertEquals(List.of("UP", "UP"), states(before), "both default paths UP at first");
        assertTrue(samples(before) >= 3, "the chart has samples: " + samples(before));

        String cut = pathIds(before).get(0);
        jmx.call(SIMULATOR, "cutPath", new Object[] {cut}, "java.lang.String");
        long lastBefore = lastSample(before);
        // Every condition asserted below is polled for: the DOWN row and its timeline mark may be drawn before the
        // next chart sample exists.
        String after = Eventually.poll(() -> chromium.dumpDom(url, 3000), d -> states(d).contains("DOWN")
                && d.contains("data-topic=\"org/hbateam/path/DOWN\" data-path=\"" + cut + "\"") && lastSample(d) > lastBefore);

        assertEquals("DOWN", states(after).get(pathIds(after).indexOf(cut)), "the cut path shows DOWN: " + rows(after));
        assertTrue(after.contains("data-topic=\"org/hbateam/path/DOWN\" data-path=\"" + cut + "\""),
                "the path's failure is marked on the timeline");
        assertTrue(lastSample(after) > lastBefore, "the chart moved on: last sample " + lastSample(after) + " after " + lastBefore);

        chromium.screenshot(url, 3000, 1000, 900, Paths.get(System.getProperty("hbateam.workdir")).getParent().resolve("web-console.png"));
        jmx.call(SIMULATOR, "stopLoad", new Object[0]);
        jmx.call(SIMULATOR, "restorePath", new Object[] {cut}, "java.lang.String");
    }

    @Test
    void anonymousUsersAndWrongPasswordsAreAskedToLogIn() throws Exception {
        String anonymous = Http.send(karaf, "GET", "/hbateam/", null, false);
        assertTrue(anonymous.startsWith("401 "), "no credentials: " + head(anonymous));
        assertTrue(Http.send(karaf, "GET", "/hbateam/api/status", null, false).startsWith("401 "), "the JSON API too");
        String wrong = Http.send(karaf, "GET", "/hbateam/api/status", Http.basic("viewer", "not-the-password"), false);
        assertTrue(wrong.startsWith("401 "), "a wrong password: " + head(wrong));
        assertTrue(Http.send(karaf, "POST", "/hbateam/api/teams/default/reset-counters", null, true).startsWith("401 "),
                "an anonymous operation");
    }

    @Test
    void aViewerReadsButMayNotActAndAnAdminMay() throws Exception {
        String read = Http.send(karaf, "GET", "/hbateam/api/status", Http.basic("viewer", "viewer"), false);
        assertTrue(read.startsWith("200 ") && read.contains("\"name\":\"default\""), "the viewer reads: " + head(read));
        String viewerActs = Http.send(karaf, "POST", "/hbateam/api/teams/default/reset-counters", Http.basic("viewer", "viewer"), true);
        assertTrue(viewerActs.startsWith("403 "), "a viewer trying an operation: " + head(viewerActs));
        String noGuard = Http.send(karaf, "POST", "/hbateam/api/teams/default/reset-counters", Http.basic("karaf", "karaf"), false);
        assertTrue(noGuard.startsWith("403 "), "an operation without the CSRF header: " + head(noGuard));
        String adminActs = Http.send(karaf, "POST", "/hbateam/api/teams/default/reset-counters", Http.basic("karaf", "karaf"), true);
        assertEquals("200 {\"ok\":true,\"changed\":true}", adminActs, "the admin resets the counters");
        String unknown = Http.send(karaf, "POST", "/hbateam/api/teams/no-such-team/reset-counters", Http.basic("karaf", "karaf"), true);
        assertTrue(unknown.startsWith("404 "), "an unknown team: " + head(unknown));
    }

    private static String head(String response) {
        return response.length() > 200 ? response.substring(0, 200) + "..." : response;
    }

    private static List<String> states(String dom) {
        return all(dom, "<tr data-path=\"[^\"]*\" data-state=\"([A-Z]+)\"");
    }

    private static List<String> pathIds(String dom) {
        return all(dom, "<tr data-path=\"([^\"]*)\" data-state=");
    }

    private static List<String> rows(String dom) {
        return all(dom, "(<tr data-path=[^>]*>)");
    }

    private static int samples(String dom) {
        List<String> counts = all(dom, "data-chart=\"throughput\" data-samples=\"(\\d+)\"");
        return counts.isEmpty() ? 0 : Integer.parseInt(counts.get(0));
    }

    private static long lastSample(String dom) {
        List<String> last = all(dom, "data-chart=\"throughput\" data-samples=\"\\d+\" data-last=\"(\\d+)\"");
        return last.isEmpty() ? 0 : Long.parseLong(last.get(0));
    }

    private static List<String> all(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
