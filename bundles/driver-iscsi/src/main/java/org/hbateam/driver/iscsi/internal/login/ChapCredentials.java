package org.hbateam.driver.iscsi.internal.login;

import java.nio.charset.StandardCharsets;

/**
 * CHAP names and secrets. {@link #toString()} never shows a secret, and no secret is ever put into a log
 * message or an exception text anywhere in the driver; the bytes leave this object only for hashing.
 */
public final class ChapCredentials {
    private final String user;
    private final byte[] secret;
    private final String mutualUser;
    private final byte[] mutualSecret;

    /**
     * @param user         our CHAP name; blank for no authentication
     * @param secret       the secret the target checks our answer with
     * @param mutualUser   the name the target must answer with for mutual CHAP; blank for one-way
     * @param mutualSecret the secret we check the target's answer with
     */
    public ChapCredentials(String user, String secret, String mutualUser, String mutualSecret) {
        this.user = user == null ? "" : user;
        this.secret = bytes(secret);
        this.mutualUser = mutualUser == null ? "" : mutualUser;
        this.mutualSecret = bytes(mutualSecret);
    }

    /** No authentication. */
    public static ChapCredentials none() {
        return new ChapCredentials("", "", "", "");
    }

    private static byte[] bytes(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }

    public boolean enabled() {
        return !user.isBlank();
    }

    public boolean mutual() {
        return enabled() && !mutualUser.isBlank();
    }

    public String user() {
        return user;
    }

    public String mutualUser() {
        return mutualUser;
    }

    byte[] secret() {
        return secret;
    }

    byte[] mutualSecret() {
        return mutualSecret;
    }

    @Override
    public String toString() {
        return "ChapCredentials[user=" + user + ", mutualUser=" + mutualUser + ", secrets hidden]";
    }
}
