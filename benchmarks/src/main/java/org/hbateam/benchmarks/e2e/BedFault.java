package org.hbateam.benchmarks.e2e;

import org.hbateam.testbed.TestBed;

/** The path faults the failover runs inject, each with the bed step that injects it and the one that lifts it. */
enum BedFault {
    /** {@code bed cut}: the target end of the link goes down; nothing arrives any more, and no error comes. */
    CUT("Link cut", "bed cut") {
        @Override
        void inject(TestBed bed, int path) {
            bed.cut(path);
        }

        @Override
        void lift(TestBed bed, int path) {
            bed.restore(path);
        }
    },
    /**
     * {@code bed blackhole}: nftables drops every packet of the path both ways while the links stay up, so
     * neither end sees a carrier loss; only timeouts and unanswered pings tell.
     */
    BLACK_HOLE("Black hole", "bed blackhole") {
        @Override
        void inject(TestBed bed, int path) {
            bed.blackhole(path);
        }

        @Override
        void lift(TestBed bed, int path) {
            bed.unblackhole(path);
        }
    };

    private final String title;
    private final String step;

    BedFault(String title, String step) {
        this.title = title;
        this.step = step;
    }

    /** A heading, such as "Link cut". */
    String title() {
        return title;
    }

    /** The bed command that injects it, such as "bed cut". */
    String step() {
        return step;
    }

    abstract void inject(TestBed bed, int path);

    abstract void lift(TestBed bed, int path);
}
