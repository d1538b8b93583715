package org.hbateam.management.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.hbateam.api.path.PathState;
import org.hbateam.api.team.PathInfo;
import org.junit.jupiter.api.Test;

class HistoryTest {
    private static PathInfo info(String id, PathState state, long bytes, double share) {
        return new PathInfo(id, "hba", "iqn.t", 0, state, bytes, 0, 1, 0, share, share);
    }

    @Test
    void throughputIsTheByteDifferenceOverTheInterval() {
        History history = new History(10, 10);
        history.sample(Map.of("t", List.of(info("p0", PathState.UP, 1_000, 50))), 10_000);
        history.sample(Map.of("t", List.of(info("p0", PathState.UP, 3_001_000, 50))), 12_000);
        List<Sample> samples = history.samples("t");
        assertEquals(2, samples.size(), "two samples");
        assertEquals(0, samples.get(0).paths().get(0).bytesPerSecond(), "no rate before a second sample");
        assertEquals(1_500_000, samples.get(1).paths().get(0).bytesPerSecond(), 0.001, "3 MB over 2 s");
    }

    @Test
    void keepsOnlyTheNewestSamplesAndForgetsGoneTeams() {
        History history = new History(3, 10);
        for (int i = 1; i <= 5; i++) {
            history.sample(Map.of("t", List.of(info("p0", PathState.UP, i, 50))), i * 1000L);
        }
        assertEquals(List.of(3000L, 4000L, 5000L), history.samples("t").stream().map(Sample::epochMillis).toList(), "the newest three");
        history.sample(Map.of(), 6000);
        assertTrue(history.samples("t").isEmpty(), "a team that is gone is forgotten");
    }

    @Test
    void aDownPathIsMarkedDown() {
        History history = new History(3, 10);
        history.sample(Map.of("t", List.of(info("p0", PathState.DOWN, 0, 0))), 1000);
        assertFalse(history.samples("t").get(0).paths().get(0).up(), "DOWN is not up");
    }

    @Test
    void eventsAreBounded() {
        History history = new History(3, 2);
        for (int i = 0; i < 3; i++) {
            history.record(new TimelineEvent(i, "org/hbateam/path/DOWN", "t", "p" + i, "cut"));
        }
        assertEquals(List.of("p1", "p2"), history.events().stream().map(TimelineEvent::pathId).toList(), "the newest two events");
    }
}
