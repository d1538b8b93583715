package org.hbateam.testbed;

import java.util.regex.Pattern;

/**
 * A CHAP account: user name and secret. {@link #toString()} never shows the secret, so a
 * Chap can go into any message or log.
 */
public record Chap(String user, String secret) {
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._-]+");
    // RFC 7143 wants at least 12 bytes of secret; tgt takes at most 16 in practice.
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9._@-]{12,16}");

    public Chap {
        if (user == null || !USER.matcher(user).matches()) {
            throw new IllegalArgumentException("CHAP user must be [A-Za-z0-9._-]+, was '" + user + "'");
        }
        if (secret == null || !SECRET.matcher(secret).matches()) {
            throw new IllegalArgumentException("CHAP secret of user " + user
                    + " must be 12-16 characters of [A-Za-z0-9._@-]");
        }
    }

    /** {@code USER:SECRET}, as the bed script takes it (by environment, never argv). */
    String argument() {
        return user + ":" + secret;
    }

    @Override
    public String toString() {
        return "Chap[user=" + user + ", secret=***]";
    }
}
