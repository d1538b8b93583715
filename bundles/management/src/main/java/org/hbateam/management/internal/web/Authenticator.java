package org.hbateam.management.internal.web;

import java.util.Set;

/** Checks a user's password and names the user's roles. */
interface Authenticator {
    /**
     * The roles of {@code user} when {@code password} is right.
     *
     * @return null when the login fails (unknown user, wrong password, or no login module answers)
     */
    Set<String> roles(String user, char[] password);
}
