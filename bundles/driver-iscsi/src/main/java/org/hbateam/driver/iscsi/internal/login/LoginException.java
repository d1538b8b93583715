package org.hbateam.driver.iscsi.internal.login;

import java.io.IOException;

/**
 * The login failed: the target refused it (status class 2 or 3, RFC 7143 11.13.5), authentication
 * failed, or negotiation broke down. The message never contains a secret.
 */
public class LoginException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int statusClass;
    private final int statusDetail;

    public LoginException(String message, int statusClass, int statusDetail) {
        super(message);
        this.statusClass = statusClass;
        this.statusDetail = statusDetail;
    }

    public LoginException(String message) {
        this(message, -1, -1);
    }

    /** The target's status class, or -1 when the initiator gave up. */
    public int statusClass() {
        return statusClass;
    }

    public int statusDetail() {
        return statusDetail;
    }

    /** True when trying again later may work (target errors, class 3); false for refusals and bad credentials. */
    public boolean retryable() {
        return statusClass == 3 || statusClass == -1;
    }
}
