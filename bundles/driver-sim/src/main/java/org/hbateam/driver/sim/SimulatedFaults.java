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
    /**
     * Puts {@code fault} on the adapter or path it names, replacing that one's own fault:
     * <ul>
     * <li>{@link Fault.Kind#CUT}: the paths go DOWN, and their in-flight and new commands fail at once with
     * PATH_DOWN;</li>
     * <li>{@link Fault.Kind#BLACK_HOLE}: the paths stay UP and accept commands, but answer none of them
     * (including any answer still on its way) until the command is aborted (then failed ABORTED), the path is
     * removed (PATH_REMOVED) or cut (PATH_DOWN), or the fault is lifted (then failed TRANSPORT, like a reset
     * connection);</li>
     * <li>{@link Fault.Kind#SLOW}: each command started from now on takes {@link Fault#factor()} times its
     * normal service time (transfer plus latency); the paths stay UP.</li>
     * </ul>
     *
     * @throws IllegalArgumentException also when a SLOW fault's factor is not a finite number of at least 1
     */
    void inject(Fault fault);

    /**
     * Lifts the own fault of the adapter or path {@code name}: an adapter's paths keep their own faults, a path
     * keeps its adapter's. Does nothing when it has none.
     */
    void restore(Fault.Scope scope, String name);

    /** The faults in force now: adapters first, then paths, each sorted by name. */
    List<Fault> faults();

    /** The names of the simulated adapters that exist now, sorted. */
    List<String> adapters();

    /** The ids of the simulated paths registered now, sorted. */
    List<String> paths();
}
