package org.hbateam.shell.internal.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class PolicyCatalogTest {
    private final PolicyCatalog catalog = new PolicyCatalog(() -> List.of("static", "vendor-x"));

    @Test
    void registeredAndStandardPoliciesAreAccepted() {
        assertDoesNotThrow(() -> catalog.check("vendor-x"), "a registered third-party policy");
        assertDoesNotThrow(() -> catalog.check("service-time"), "a standard policy whose balancer is not installed yet");
        assertTrue(catalog.isInstalled("static"), "static is registered");
        assertFalse(catalog.isInstalled("service-time"), "service-time is not registered");
    }

    @Test
    void anUnknownPolicyIsRefusedListingTheAvailableOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> catalog.check("fastest"));
        assertEquals("unknown policy 'fastest'; available: dynamic, least-queue-depth, round-robin, service-time, static, vendor-x",
                e.getMessage(), "one line with every choice, sorted");
    }
}
