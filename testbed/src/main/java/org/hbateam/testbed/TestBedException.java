package org.hbateam.testbed;

/** A test-bed step failed: the message names the step and carries the script's or tool's stderr. */
public class TestBedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TestBedException(String message) {
        super(message);
    }

    public TestBedException(String message, Throwable cause) {
        super(message, cause);
    }
}
