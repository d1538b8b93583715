package org.hbateam.shell.internal.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SharesSpecTest {
    @Test
    void entriesSummingTo100AreKeptTrimmedInOrder() {
        assertArrayEquals(new String[] {"hba0=70", "hba1=30"}, SharesSpec.parse("readShares", " hba0=70 , hba1=30"),
                "well-formed shares become one configuration entry each");
    }

    @Test
    void aSumOtherThan100IsRefusedNamingTheKeyAndTheSum() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SharesSpec.parse("writeShares", "hba0=60,hba1=30"));
        assertEquals("writeShares: shares must sum to 100, they sum to 90 (hba0=60,hba1=30)", e.getMessage(),
                "the message names the key, the sum and the input");
    }

    @Test
    void malformedEntriesAreRefusedNamingTheKey() {
        assertThrows(IllegalArgumentException.class, () -> SharesSpec.parse("readShares", "hba0"), "an entry without '='");
        assertThrows(IllegalArgumentException.class, () -> SharesSpec.parse("readShares", "hba0=x,hba1=100"), "a percentage that is no number");
        assertThrows(IllegalArgumentException.class, () -> SharesSpec.parse("readShares", "hba0=101,hba1=-1"), "a percentage outside 0..100");
        assertThrows(IllegalArgumentException.class, () -> SharesSpec.parse("readShares", " "), "no shares at all");
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> SharesSpec.parse("readShares", "hba0=50,hba0=50"));
        assertEquals("readShares: 'hba0' is given twice", twice.getMessage(), "a duplicate id is named");
    }
}
