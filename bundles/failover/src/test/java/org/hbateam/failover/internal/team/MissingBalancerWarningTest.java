package org.hbateam.failover.internal.team;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class MissingBalancerWarningTest {
    private static final long MS = 1_000_000L;
    private final List<String> warnings = new ArrayList<>();
    private final MissingBalancerWarning warning = new MissingBalancerWarning(warnings::add);

    @Test
    void aSwitchWhoseFactoryArrivesWithinTheGraceGivesNoWarning() {
        warning.missing("db", "round-robin", 0);
        warning.warnIfDue(500 * MS);
        warning.present();
        warning.warnIfDue(10_000 * MS);
        assertEquals(List.of(), warnings, "the new factory came 500 ms after the switch: nothing to warn about");
    }

    @Test
    void aPolicyThatStaysMissingIsWarnedOnceAfterTheGrace() {
        warning.missing("db", "nosuch", 0);
        warning.warnIfDue(MissingBalancerWarning.GRACE_NANOS - 1);
        assertEquals(List.of(), warnings, "not before the grace period is over");
        warning.warnIfDue(MissingBalancerWarning.GRACE_NANOS);
        warning.warnIfDue(MissingBalancerWarning.GRACE_NANOS + 5_000 * MS);
        assertEquals(List.of("team db: no balancer for policy nosuch is registered; routing failover-only "
                + "(primary first, then priority order) until one is"), warnings, "one warning naming team and policy");
    }

    @Test
    void repeatedReportsWhileMissingKeepTheFirstTime() {
        warning.missing("db", "a", 0);
        warning.missing("db", "b", 1_500 * MS);
        warning.warnIfDue(MissingBalancerWarning.GRACE_NANOS);
        assertEquals(1, warnings.size(), "the grace period runs from the first report: " + warnings);
        assertEquals(true, warnings.get(0).contains("policy b"), "the warning names the latest policy: " + warnings);
    }
}
