package org.hbateam.testbed;

import java.time.Duration;

/**
 * A script or tool did not finish in time and was killed. Expected when a tool talks to a cut
 * or black-holed path: a silently dead link gives no error, only silence.
 */
public final class ToolTimeoutException extends TestBedException {
    private static final long serialVersionUID = 1L;

    ToolTimeoutException(String description, Duration timeout) {
        super(description + " did not finish within " + timeout.toMillis() + " ms and was killed");
    }
}
