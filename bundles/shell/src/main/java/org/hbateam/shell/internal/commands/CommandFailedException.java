package org.hbateam.shell.internal.commands;

/**
 * A command did not do what it was asked. Thrown out of {@code execute()}, as Karaf's own commands do, so the
 * session prints the one-line message and {@code bin/client -b} (and {@code bin/hbateam}) exits non-zero: a
 * script sees the failure. No stack trace: the message is all an operator needs.
 */
public final class CommandFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    public CommandFailedException(String message) {
        super(oneLine(message), null, false, false);
    }

    /** Karaf prints the message after "Error executing command: "; a second line would look like another error. */
    static String oneLine(String message) {
        return message == null ? "(no detail)" : message.replaceAll("\\R", " ");
    }
}
