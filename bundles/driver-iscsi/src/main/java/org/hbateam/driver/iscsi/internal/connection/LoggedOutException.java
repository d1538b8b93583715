package org.hbateam.driver.iscsi.internal.connection;

import java.io.IOException;

/** The target answered our Logout Request: the connection ends in order. */
public final class LoggedOutException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int time2Wait;

    public LoggedOutException(int response, int time2Wait) {
        super("logged out (response " + response + ")");
        this.time2Wait = time2Wait;
    }

    /** Seconds the target asks us to wait before logging in again. */
    public int time2Wait() {
        return time2Wait;
    }
}
