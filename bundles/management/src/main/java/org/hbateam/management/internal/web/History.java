package org.hbateam.management.internal.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hbateam.api.path.PathState;
import org.hbateam.api.team.PathInfo;

/**
 * The last minutes of every team: a bounded ring of samples per team (throughput from the difference of the
 * cumulative byte counters between two samples, shares, up or down) and a bounded ring of events.
 * A team that is gone at a sample is forgotten.
 */
final class History {
    private final int samplesPerTeam;
    private final Map<String, Ring<Sample>> samples = new ConcurrentHashMap<>();
    private final Map<String, Long> lastBytes = new HashMap<>();
    private final Ring<TimelineEvent> events;
    private long lastSampleMillis;

    History(int samplesPerTeam, int maxEvents) {
        this.samplesPerTeam = samplesPerTeam;
        this.events = new Ring<>(maxEvents);
    }

    /** Records one sample of each team's paths, given by team name. Called by one thread at a time. */
    synchronized void sample(Map<String, List<PathInfo>> teams, long nowMillis) {
        double seconds = lastSampleMillis == 0 ? 0 : Math.max(1, nowMillis - lastSampleMillis) / 1000.0;
        Map<String, Long> bytesNow = new HashMap<>();
        samples.keySet().retainAll(teams.keySet());
        teams.forEach((team, paths) -> {
            List<PathPoint> points = new ArrayList<>(paths.size());
            for (PathInfo path : paths) {
                String key = team + '\n' + path.pathId();
                long bytes = path.bytesRead() + path.bytesWritten();
                bytesNow.put(key, bytes);
                Long before = lastBytes.get(key);
                double rate = before == null || seconds == 0 ? 0 : Math.max(0, bytes - before) / seconds;
                points.add(new PathPoint(path.pathId(), rate, path.readShare(), path.writeShare(), path.state() != PathState.DOWN));
            }
            samples.computeIfAbsent(team, t -> new Ring<>(samplesPerTeam)).add(new Sample(nowMillis, List.copyOf(points)));
        });
        lastBytes.clear();
        lastBytes.putAll(bytesNow);
        lastSampleMillis = nowMillis;
    }

    void record(TimelineEvent event) {
        events.add(event);
    }

    /** The team's samples, oldest first; empty for a team never sampled. */
    List<Sample> samples(String team) {
        Ring<Sample> ring = samples.get(team);
        return ring == null ? List.of() : ring.snapshot();
    }

    /** The recent events of all teams, oldest first. */
    List<TimelineEvent> events() {
        return events.snapshot();
    }
}
