package org.hbateam.driver.iscsi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The default initiator name is the host's own: stable, different per host, never showing the machine id. */
class HostInitiatorNameTest {
    private static final String MACHINE_ID = "3d1219c7c4c5404aaa1f6d2a48adfda4";

    private static String nameOf(String machineId, String hostName) {
        return new HostInitiatorName(() -> machineId, () -> hostName).name();
    }

    @Test
    void aMachineIdGivesTheIqnPlusTwelveHexDigits() {
        String name = nameOf(MACHINE_ID + "\n", "vm");
        assertTrue(name.matches("iqn\\.2026-01\\.org\\.hbateam:[0-9a-f]{12}"), "iscsi-iname shape: " + name);
        assertEquals(name, nameOf(MACHINE_ID, "other-host"), "stable for one machine id, whatever the host name");
        assertFalse(name.contains(MACHINE_ID.substring(0, 12)), "the confidential machine id is not shown: " + name);
    }

    @Test
    void twoHostsGetTwoNames() {
        assertNotEquals(nameOf(MACHINE_ID, "vm"), nameOf("5f0a6b1c2d3e4f5a6b7c8d9e0f1a2b3c", "vm"),
                "two appliances at the default must not be one initiator to a shared target");
    }

    @Test
    void withoutAMachineIdTheHostNameIsUsed() {
        String a = nameOf(null, "appliance-a");
        assertTrue(a.startsWith(HostInitiatorName.PREFIX) && !a.equals(HostInitiatorName.FALLBACK), a);
        assertEquals(a, nameOf("  ", "appliance-a"), "a blank machine id counts as none");
        assertNotEquals(a, nameOf(null, "appliance-b"), "host names tell hosts apart");
    }

    @Test
    void withNeitherTheFixedFallbackIsLeft() {
        assertEquals(HostInitiatorName.FALLBACK, nameOf(null, ""), "nothing to derive from");
    }
}
