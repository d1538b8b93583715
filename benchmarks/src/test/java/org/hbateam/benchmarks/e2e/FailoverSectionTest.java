package org.hbateam.benchmarks.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class FailoverSectionTest {
    private static FailoverTimePhase.Run run(double first, List<Double> stuck, int unfinished) {
        return new FailoverTimePhase.Run(1, first, first + 40, stuck, unfinished);
    }

    @Test
    void aFastCutMeetsItsTargetsAndTheTableShowsTheStuckCommands() {
        FailoverTimePhase.Result cut = new FailoverTimePhase.Result(BedFault.CUT, List.of(run(500, List.of(510.0, 520.0), 0),
                run(600, List.of(620.0, 2500.0), 0), run(700, List.of(710.0), 0)), 1000, 0, null);
        String md = new FailoverSection().markdown(List.of(cut));
        assertTrue(md.contains("< 1000 ms median: 600 ms, met"), md);
        assertTrue(md.contains("< 2000 ms p99: 700 ms, met"), md);
        assertTrue(md.contains("| last stuck command of the run | 3 runs | 710 ms | 2500 ms | 520 ms | 2500 ms |"), md);
        assertTrue(md.contains("| every stuck command | 5 commands | 620 ms | 2500 ms | 510 ms | 2500 ms |"), md);
        assertTrue(md.contains("errors reaching the caller: 0 (target 0: met)"), md);
    }

    @Test
    void aSlowStuckCommandFailsTheBlackHoleTarget() {
        FailoverTimePhase.Result hole = new FailoverTimePhase.Result(BedFault.BLACK_HOLE,
                List.of(run(500, List.of(900.0, FailoverTimePhase.GUARD_MS), 1)), 1000, 2, "boom");
        String md = new FailoverSection().markdown(List.of(hole));
        assertTrue(md.contains("at p99: 60000 ms over every stuck command, NOT met"), md);
        assertTrue(md.contains("errors reaching the caller: 2 (target 0: NOT met); stuck commands that never completed: 1."), md);
        assertTrue(md.contains("500 / 60000 (2, 1 never completed)"), md);
    }
}
