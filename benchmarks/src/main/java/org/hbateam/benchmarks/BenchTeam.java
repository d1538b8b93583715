package org.hbateam.benchmarks;

import org.hbateam.api.balancer.PathSet;
import org.hbateam.api.balancer.TeamView;

/** The benchmark's team: a name and its {@link BenchPathSet}. */
final class BenchTeam implements TeamView {
    private final BenchPathSet paths;

    BenchTeam(BenchPathSet paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public PathSet paths() {
        return paths;
    }

    @Override
    public void restartWindow() {
        // The benchmark measures selection only; the dynamic balancer's timer does not run here.
    }
}
