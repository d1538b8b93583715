package org.hbateam.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BedSpecTest {

    @Test
    void upArgumentsCarryTheShapeButNoSecret() {
        BedSpec spec = BedSpec.builder().name("e2e").paths(3).size("128M").luns(2).maxConnections(4).nopInterval(2)
                .chap(new Chap("alice", "secretsecret1")).build();
        List<String> arguments = spec.upArguments();
        assertEquals(List.of("up", "e2e", "--paths", "3", "--size", "128M", "--luns", "2", "--max-connections", "4",
                "--nop-interval", "2"), arguments, "bed up gets name, paths, size, LUN count, MaxConnections, NOP interval");
        assertFalse(String.join(" ", arguments).contains("secretsecret1"), "the CHAP secret must stay off the command line");
        assertEquals("alice:secretsecret1", spec.environment().get("HBT_CHAP"), "the CHAP account travels by environment");
    }

    @Test
    void noChapRemovesInheritedChapVariables() {
        BedSpec spec = BedSpec.builder().name("a").build();
        assertTrue(spec.environment().containsKey("HBT_CHAP"), "HBT_CHAP must be listed so it can be cleared");
        assertNull(spec.environment().get("HBT_CHAP"), "null clears a stray HBT_CHAP from the parent environment");
    }

    @Test
    void defaultsAreTwoPathsOf64M() {
        BedSpec spec = BedSpec.builder().build();
        assertEquals(2, spec.paths(), "default paths");
        assertEquals("64M", spec.size(), "default size");
        assertEquals(1, spec.luns(), "default LUN count");
        assertTrue(spec.name().isEmpty(), "no name until one is given or derived");
        assertTrue(spec.maxConnections().isEmpty(), "tgt's default MaxConnections unless asked");
    }

    @Test
    void withNameKeepsEverythingElse() {
        BedSpec spec = BedSpec.builder().paths(4).mutualChap(null).chap(new Chap("u", "secretsecret1"))
                .mutualChap(new Chap("t", "secretsecret2")).build().withName("x1");
        assertEquals("x1", spec.name().orElseThrow(), "the new name");
        assertEquals(4, spec.paths(), "paths survive withName");
        assertEquals("t", spec.mutualChap().orElseThrow().user(), "mutual CHAP survives withName");
    }

    @Test
    void rejectsWhatTheScriptWouldReject() {
        assertThrows(IllegalArgumentException.class, () -> BedSpec.builder().name("Too-Long-Name"), "name chars/length");
        assertThrows(IllegalArgumentException.class, () -> BedSpec.builder().paths(16), "more than 15 paths");
        assertThrows(IllegalArgumentException.class, () -> BedSpec.builder().paths(0), "no path");
        assertThrows(IllegalArgumentException.class, () -> BedSpec.builder().size("1T"), "unknown size suffix");
        assertThrows(IllegalArgumentException.class, () -> BedSpec.builder().luns(9), "more than 8 LUNs");
        assertThrows(IllegalArgumentException.class,
                () -> BedSpec.builder().mutualChap(new Chap("t", "secretsecret2")).build(), "mutual CHAP alone");
    }

    @Test
    void chapNeverShowsItsSecret() {
        Chap chap = new Chap("alice", "secretsecret1");
        assertFalse(chap.toString().contains("secretsecret1"), "toString must hide the secret: " + chap);
        assertFalse(BedSpec.builder().chap(chap).build().toString().contains("secretsecret1"),
                "a spec's toString must hide the secret");
        assertThrows(IllegalArgumentException.class, () -> new Chap("alice", "short"), "RFC 7143 wants 12+ bytes");
    }
}
