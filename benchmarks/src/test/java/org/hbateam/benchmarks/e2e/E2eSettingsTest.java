package org.hbateam.benchmarks.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class E2eSettingsTest {
    @Test
    void blackHoleRunsDefaultToTenLikeFailoverRuns() {
        E2eSettings s = E2eSettings.parse(new String[0]);
        assertEquals(10, s.blackholeRuns(), "default black hole runs");
        assertEquals(10, s.failoverRuns(), "default failover runs");
    }

    @Test
    void blackHoleRunsAreReadApartFromFailoverRuns() {
        E2eSettings s = E2eSettings.parse(new String[] {"--failover-runs", "3", "--blackhole-runs", "5"});
        assertEquals(3, s.failoverRuns(), "--failover-runs");
        assertEquals(5, s.blackholeRuns(), "--blackhole-runs");
    }

    @Test
    void zeroBlackHoleRunsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> E2eSettings.parse(new String[] {"--blackhole-runs", "0"}));
    }

    @Test
    void phasesAreChosenAndAnUnknownOneIsNamed() {
        E2eSettings s = E2eSettings.parse(new String[] {"--phases", "efficiency,unequal"});
        assertEquals(true, s.runs("efficiency") && s.runs("unequal") && !s.runs("single"), "only the phases given run");
        assertEquals(3, s.bedPaths(), "the unequal-links rows need a path per rate");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> E2eSettings.parse(new String[] {"--phases", "single,effciency"}));
        assertEquals("--phases: unknown phase 'effciency'; phases are [single, efficiency, memory, failover, aggregation, unequal]",
                e.getMessage());
    }
}
