package org.hbateam.testbed;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RootCheckTest {

    @Test
    void aNonRootJvmFailsWithAClearMessage() {
        TestBedException failure = assertThrows(TestBedException.class,
                () -> TestBedExtension.requireRoot(Optional.of(1000)), "uid 1000 cannot build a bed");
        assertTrue(failure.getMessage().contains("needs root") && failure.getMessage().contains("uid 1000"),
                "the message says what is needed and what was found: " + failure.getMessage());
    }

    @Test
    void anUnknownUidFailsToo() {
        assertThrows(TestBedException.class, () -> TestBedExtension.requireRoot(Optional.empty()),
                "without /proc the uid is unknown, and unknown is not root");
    }

    @Test
    void rootPasses() {
        assertDoesNotThrow(() -> TestBedExtension.requireRoot(Optional.of(0)), "uid 0 may build a bed");
    }
}
