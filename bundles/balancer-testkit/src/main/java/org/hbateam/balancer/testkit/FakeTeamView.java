package org.hbateam.balancer.testkit;

import java.util.concurrent.atomic.AtomicInteger;

import org.hbateam.api.balancer.TeamView;

/** A team around a {@link FakePathSet}; counts the window restarts a balancer asks for. */
public final class FakeTeamView implements TeamView {
    private final String name;
    private volatile FakePathSet paths;
    private final AtomicInteger windowRestarts = new AtomicInteger();

    /** A team called {@code name} over {@code paths}. */
    public FakeTeamView(String name, FakePathSet paths) {
        this.name = name;
        this.paths = paths;
    }

    /** Replaces the paths, as a membership change does; the caller then tells the balancer. */
    public void replacePaths(FakePathSet newPaths) {
        paths = newPaths;
    }

    /** How often a balancer called {@link #restartWindow}. */
    public int windowRestarts() {
        return windowRestarts.get();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public FakePathSet paths() {
        return paths;
    }

    @Override
    public void restartWindow() {
        windowRestarts.incrementAndGet();
        paths.restartWindow();
    }
}
