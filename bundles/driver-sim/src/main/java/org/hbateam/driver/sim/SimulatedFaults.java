package org.hbateam.driver.sim;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Injects faults into the simulated driver. The driver-sim bundle registers one service of this type.
 *
 * <p>An adapter or path holds at most one fault of its own; a new fault replaces the old one. A path
 * behaves by the worse of its own fault and its adapter's (CUT, then BLACK_HOLE, then SLOW), and the slow
 * factors of both multiply. A fault lives as long as the adapter or path it was put on: a path that is
 * removed and registered again (for example after its LUN's target changed) starts without faults.
 *
 * <p>Every method throws {@link IllegalArgumentException}, naming the adapter or path, when no adapter with
 * that name or no path with that id exists now.
 */
@ProviderType
public interface SimulatedFaults {
    /** Cuts the adapter: its paths go DOWN, and their in-flight and new commands fail at once with PATH_DOWN. */
    void cutAdapter(String adapter);

    /** Cuts one path, as {@link #cutAdapter} does for all paths of an adapter. */
    void cutPath(String pathId);

    /**
     * Black-holes the adapter: its paths stay UP and accept commands, but answer none of them (including any
     * answer still on its way) until the command is aborted (then failed ABORTED), the path is removed
     * (PATH_REMOVED) or cut (PATH_DOWN), or the fault is lifted (then failed TRANSPORT, like a reset connection).
     */
    void blackHoleAdapter(String adapter);

    /** Black-holes one path, as {@link #blackHoleAdapter} does for all paths of an adapter. */
    void blackHolePath(String pathId);

    /**
     * Slows the adapter: each command started from now on takes {@code factor} times its normal service
     * time (transfer plus latency). The paths stay UP.
     *
     * @throws IllegalArgumentException also when {@code factor} is not a finite number of at least 1
     */
    void slowAdapter(String adapter, double factor);

    /** Slows one path, as {@link #slowAdapter} does for all paths of an adapter. */
    void slowPath(String pathId, double factor);

    /** Lifts the adapter's own fault; its paths' own faults stay. Does nothing when it has none. */
    void restoreAdapter(String adapter);

    /** Lifts the path's own fault; its adapter's fault stays. Does nothing when it has none. */
    void restorePath(String pathId);

    /** The faults in force now: adapters first, then paths, each sorted by name. */
    List<Fault> faults();

    /** The names of the simulated adapters that exist now, sorted. */
    List<String> adapters();

    /** The ids of the simulated paths registered now, sorted. */
    List<String> paths();
}
