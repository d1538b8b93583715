package org.hbateam.management.sim.internal;

import java.util.List;

/**
 * Fault injection into the simulated driver, registered as {@code org.hbateam:type=Simulator} where the
 * simulated driver runs: for demonstrations, rehearsals and tests of the operator tooling.
 */
public interface SimulatorMXBean {
    List<String> getAdapters();

    List<String> getPaths();

    /** The faults in force, one line each. */
    List<String> getFaults();

    void cutPath(String pathId);

    void cutAdapter(String adapter);

    void blackHolePath(String pathId);

    void slowPath(String pathId, double factor);

    void restorePath(String pathId);

    void restoreAdapter(String adapter);

    /**
     * Reads from the team, 256 KiB at a time over its first 64 MiB, for {@code seconds} (1..3600) in the
     * background, so that a demonstration has traffic to show. A new call replaces the running one.
     */
    void readLoad(String team, int seconds);

    /** Stops the background read load, if any. */
    void stopLoad();
}
