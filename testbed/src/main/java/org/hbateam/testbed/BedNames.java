package org.hbateam.testbed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Derives a bed name from a test class and the script's location. The name is stable, so the
 * next run can tear down what a killed JVM left, and differs between checkouts, so two builds
 * of the same tests on one machine do not take each other's beds.
 */
final class BedNames {
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

    private BedNames() {
    }

    static String derive(String testClassName, String scriptLocation) {
        byte[] digest = sha256(testClassName + "\n" + scriptLocation);
        StringBuilder name = new StringBuilder("j");
        for (int i = 0; i < 7; i++) {
            name.append(ALPHABET.charAt((digest[i] & 0xff) % ALPHABET.length()));
        }
        return name.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
