package org.hbateam.shell.internal.commands;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;

/**
 * Turns successive snapshots of the paths' cumulative byte counters into per-path throughput. Used by one
 * command thread only. A path seen for the first time, or whose counters went backwards (it left and came
 * back), shows 0 until the next sample.
 */
final class ThroughputSampler {
    /** One path's throughput over the last interval. */
    record Sample(String team, PathInfo path, double readBytesPerSecond, double writeBytesPerSecond) {
    }

    private Map<String, PathInfo> previous = new HashMap<>();
    private long previousNanos;

    /** Samples every path of {@code teams} at {@code nowNanos}. */
    List<Sample> sample(List<Team> teams, long nowNanos) {
        double seconds = previous.isEmpty() ? 0 : (nowNanos - previousNanos) / 1e9;
        Map<String, PathInfo> current = new HashMap<>();
        List<Sample> samples = new ArrayList<>();
        for (Team team : teams) {
            for (PathInfo path : team.paths()) {
                String key = team.name() + '\u0000' + path.pathId();
                current.put(key, path);
                PathInfo before = previous.get(key);
                samples.add(new Sample(team.name(), path,
                        rate(before == null ? -1 : before.bytesRead(), path.bytesRead(), seconds),
                        rate(before == null ? -1 : before.bytesWritten(), path.bytesWritten(), seconds)));
            }
        }
        previous = current;
        previousNanos = nowNanos;
        return samples;
    }

    private static double rate(long before, long now, double seconds) {
        if (before < 0 || now < before || seconds <= 0) {
            return 0;
        }
        return (now - before) / seconds;
    }
}
