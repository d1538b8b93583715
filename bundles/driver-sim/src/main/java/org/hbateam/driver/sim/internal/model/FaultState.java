package org.hbateam.driver.sim.internal.model;

import org.hbateam.driver.sim.Fault;

/**
 * The fault in force on an adapter, a path, or the combination a path actually behaves by.
 *
 * @param kind   the fault, or null for none
 * @param factor the service-time multiplier, 1 unless slowed
 */
public record FaultState(Fault.Kind kind, double factor) {
    public static final FaultState NONE = new FaultState(null, 1.0);

    /** The state {@code fault} puts its adapter or path in; a SLOW factor must be finite and at least 1. */
    public static FaultState of(Fault fault) {
        return fault.kind() == Fault.Kind.SLOW ? slow(fault.factor()) : new FaultState(fault.kind(), 1.0);
    }

    private static FaultState slow(double factor) {
        if (!(factor >= 1.0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("slow factor must be a finite number >= 1, was " + factor);
        }
        return new FaultState(Fault.Kind.SLOW, factor);
    }

    /** What a path does under both its adapter's fault and its own: the worse kind, the product of the factors. */
    static FaultState combine(FaultState adapter, FaultState path) {
        Fault.Kind kind = severity(adapter.kind) >= severity(path.kind) ? adapter.kind : path.kind;
        double factor = adapter.factor * path.factor;
        return kind == null && factor == 1.0 ? NONE : new FaultState(kind, factor);
    }

    /** Ranks kinds: none 0, SLOW 1, BLACK_HOLE 2, CUT 3. */
    private static int severity(Fault.Kind kind) {
        return kind == null ? 0 : kind == Fault.Kind.SLOW ? 1 : kind == Fault.Kind.BLACK_HOLE ? 2 : 3;
    }

    boolean isDown() {
        return kind == Fault.Kind.CUT;
    }

    boolean isBlackHole() {
        return kind == Fault.Kind.BLACK_HOLE;
    }

    /** This state as a listed fault, or null when there is none. */
    public Fault describe(Fault.Scope scope, String name) {
        return kind == null ? null : new Fault(scope, name, kind, factor);
    }
}
