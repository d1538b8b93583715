package org.hbateam.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The script's summary, libiscsi tool output, portals and derived names. */
class ParsingTest {

    @Test
    void summaryKeepsValuesWithSpacesAndEquals() {
        BedSummary summary = BedSummary.parse("NAME=a\nNFT_TABLE=inet hbt_a\nX=a=b\nCHAP_USER=\n");
        assertEquals("inet hbt_a", summary.get("NFT_TABLE"), "value with a space");
        assertEquals("a=b", summary.get("X"), "only the first = splits");
        assertTrue(summary.find("CHAP_USER").isEmpty(), "a blank value reads as absent");
        TestBedException missing = assertThrows(TestBedException.class, () -> summary.get("PORTAL_9"), "missing key");
        assertTrue(missing.getMessage().contains("PORTAL_9"), "the error names the key: " + missing.getMessage());
    }

    @Test
    void capacityFromReadCapacity16() {
        String text = "RETURNED LOGICAL BLOCK ADDRESS:131071\nLOGICAL BLOCK LENGTH IN BYTES:512\nP_TYPE:0 PROT_EN:0\n"
                + "Total size:67108864\n";
        Capacity capacity = ToolOutput.capacity(text);
        assertEquals(new Capacity(131072, 512), capacity, "blocks = last LBA + 1");
        assertEquals(67108864L, capacity.bytes(), "bytes = blocks * block size");
    }

    @Test
    void targetsFromIscsiLs() {
        String text = "Target:iqn.2024-01.org.hbateam:testbed.a Portal:10.250.1.2:3260,1\n"
                + "Target:iqn.2024-01.org.hbateam:testbed.a Portal:10.250.2.2:3260,1\n";
        assertEquals(List.of("iqn.2024-01.org.hbateam:testbed.a", "iqn.2024-01.org.hbateam:testbed.a"),
                ToolOutput.targets(text), "one entry per portal line");
    }

    @Test
    void serialWithoutPadding() {
        assertEquals("hbtal1", ToolOutput.serial("Unit Serial Number:[                             hbtal1]"),
                "tgt pads the serial on the left");
        assertThrows(TestBedException.class, () -> ToolOutput.serial("Login Failed."), "no serial, clear error");
    }

    @Test
    void portalUrls() {
        Portal portal = Portal.parse("10.250.1.2:3260");
        assertEquals("iscsi://10.250.1.2:3260", portal.url(), "discovery URL");
        assertEquals("iscsi://10.250.1.2:3260/iqn.x:y/1", portal.lunUrl("iqn.x:y", 1), "LUN URL");
    }

    @Test
    void derivedNamesFitTheScriptAndDiffer() {
        String a = BedNames.derive("org.x.ATest", "/work/a/testbed/bed");
        assertTrue(a.matches("[a-z0-9]{1,8}"), "a derived name must be a valid bed name: " + a);
        assertEquals(a, BedNames.derive("org.x.ATest", "/work/a/testbed/bed"), "stable across runs");
        assertNotEquals(a, BedNames.derive("org.x.ATest", "/work/b/testbed/bed"), "differs between checkouts");
        assertNotEquals(a, BedNames.derive("org.x.BTest", "/work/a/testbed/bed"), "differs between classes");
    }
}
