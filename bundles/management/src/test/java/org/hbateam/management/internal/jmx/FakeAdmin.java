package org.hbateam.management.internal.jmx;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hbateam.failover.admin.FailoverAdmin;
import org.hbateam.failover.admin.PathStatus;
import org.hbateam.failover.admin.TeamStatus;

/** A FailoverAdmin over a settable list of statuses that records the operations it is asked for. */
final class FakeAdmin implements FailoverAdmin {
    volatile List<TeamStatus> statuses = List.of();
    final List<String> calls = new ArrayList<>();

    static TeamStatus team(String name, PathStatus... paths) {
        int usable = (int) List.of(paths).stream().filter(PathStatus::usable).count();
        return new TeamStatus(name, "naa." + name, "static", "balance", "ok", usable, 0, 0, 0, List.of(paths));
    }

    static PathStatus path(String id, boolean usable) {
        return new PathStatus(id, id.split(":")[1], "s-" + id, 0, usable ? "UP" : "DOWN", usable, !usable, false, false, 500, 200_000, 0);
    }

    @Override
    public List<TeamStatus> statuses() {
        return statuses;
    }

    @Override
    public Optional<TeamStatus> status(String team) {
        return statuses.stream().filter(t -> t.name().equals(team)).findFirst();
    }

    @Override
    public void failPath(String team, String pathId) {
        calls.add("fail " + team + " " + pathId);
    }

    @Override
    public boolean reinstatePath(String team, String pathId) {
        calls.add("reinstate " + team + " " + pathId);
        return true;
    }

    @Override
    public void preferPath(String team, String pathIdOrAdapter) {
        calls.add("prefer " + team + " " + pathIdOrAdapter);
    }

    @Override
    public void resetCounters(String team) {
        calls.add("reset " + team);
    }
}
