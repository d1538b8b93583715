package org.hbateam.management.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.felix.hc.api.Result;
import org.hbateam.failover.admin.ConfigurationProblem;
import org.junit.jupiter.api.Test;

class ConfigurationCheckTest {
    @Test
    void aRejectedConfigurationIsCriticalAndNamesTheKey() {
        Result result = ConfigurationCheck.verdict(List.of(new ConfigurationProblem("org.hbateam.team~default", "mode",
                "org.hbateam.team: key 'mode' rejected: 'failover-onlyy' is not balance or failover-only", "default",
                "failover-only under its configured name, with the global defaults")));
        assertEquals(Result.Status.CRITICAL, result.getStatus(), "a rejected configuration is CRITICAL");
        String text = result.toString();
        assertTrue(text.contains("key 'mode'") && text.contains("failover-onlyy") && text.contains("failover-only under its configured name"),
                "the key, the bad value and what runs instead: " + text);
    }

    @Test
    void noProblemIsOk() {
        assertEquals(Result.Status.OK, ConfigurationCheck.verdict(List.of()).getStatus(), "all accepted is OK");
    }
}
