package org.hbateam.management.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.hbateam.api.path.PathState;
import org.hbateam.api.team.PathInfo;
import org.hbateam.failover.admin.PathStatus;
import org.hbateam.failover.admin.TeamStatus;
import org.junit.jupiter.api.Test;

class StatusDocumentTest {
    @Test
    void writesTeamsPathsSamplesEventsAndHealth() {
        PathStatus p0 = new PathStatus("p0", "hba0", "s", 0, "DOWN", false, true, false, false, 500, 2000, 0);
        TeamStatus team = new TeamStatus("default", "naa.1", "static", "balance", "ok", 0, 0, 1, 5, List.of(p0));
        PathInfo info = new PathInfo("p0", "hba0", "iqn.t", 0, PathState.DOWN, 10, 20, 3, 0, 0, 0);
        History history = new History(5, 5);
        history.sample(Map.of("default", List.of(info)), 1000);
        history.record(new TimelineEvent(900, "org/hbateam/path/DOWN", "default", "p0", "cut \"by test\""));

        String json = StatusDocument.write(1234, List.of(team), Map.of("default", List.of(info)), history,
                List.of(new HealthVerdict("hbateam all paths down", "CRITICAL", "team default has no usable path")));

        assertTrue(json.startsWith("{\"now\":1234,\"teams\":[{\"name\":\"default\""), "starts with the time and the team: " + json);
        assertTrue(json.contains("\"id\":\"p0\",\"adapter\":\"hba0\",\"state\":\"DOWN\",\"usable\":false"), "the path and its state: " + json);
        assertTrue(json.contains("\"samples\":[{\"t\":1000,\"p\":{\"p0\":[0.0,0.0,0.0,false]}}]"), "the sample: " + json);
        assertTrue(json.contains("\"reason\":\"cut \\\"by test\\\"\""), "quotes in a reason are escaped: " + json);
        assertTrue(json.endsWith("\"status\":\"CRITICAL\",\"message\":\"team default has no usable path\"}]}"), "the health verdict: " + json);
    }

    @Test
    void escapesMarkupAndControlCharacters() {
        assertEquals("[\"\\u003cb\\u003e\\n\"]", new Json().beginArray().value("<b>\n").endArray().toString(), "markup and newline escaped");
    }
}
