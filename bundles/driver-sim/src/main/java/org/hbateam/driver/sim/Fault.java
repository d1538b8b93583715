package org.hbateam.driver.sim;

import java.util.Objects;

/**
 * One fault in force on a simulated adapter or path, as {@link SimulatedFaults#faults()} lists it.
 *
 * @param scope  whether {@code name} is an adapter name or a path id
 * @param name   the adapter name (such as {@code hba0}) or the path id (such as {@code sim:hba0:iqn...:0})
 * @param kind   what is wrong
 * @param factor the service-time multiplier for {@link Kind#SLOW}; 1 for the other kinds
 */
public record Fault(Scope scope, String name, Kind kind, double factor) {
    /** What a fault applies to. */
    public enum Scope {
        /** An adapter: every path over it. */
        ADAPTER,
        /** One path. */
        PATH
    }

    /** The kinds of fault. */
    public enum Kind {
        /** The link is cut: state DOWN, commands fail at once with PATH_DOWN. */
        CUT,
        /** State stays UP, commands are accepted and never answered until aborted, removed or restored. */
        BLACK_HOLE,
        /** Commands take {@code factor} times their normal service time. */
        SLOW
    }

    public Fault {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    /** A cut of the adapter or path {@code name}. */
    public static Fault cut(Scope scope, String name) {
        return new Fault(scope, name, Kind.CUT, 1);
    }

    /** A black hole on the adapter or path {@code name}. */
    public static Fault blackHole(Scope scope, String name) {
        return new Fault(scope, name, Kind.BLACK_HOLE, 1);
    }

    /** The adapter or path {@code name} slowed down {@code factor} times. */
    public static Fault slow(Scope scope, String name, double factor) {
        return new Fault(scope, name, Kind.SLOW, factor);
    }
}
