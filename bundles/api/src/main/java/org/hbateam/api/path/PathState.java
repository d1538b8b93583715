package org.hbateam.api.path;

/** The state a driver reports for a data path. */
public enum PathState {
    /** The path carries I/O normally. */
    UP,
    /** The path works but is impaired (slow, errors being recovered); it may still be used. */
    DEGRADED,
    /** The path cannot carry I/O; commands submitted to it fail at once with a {@link PathException}. */
    DOWN;

    /** True for states in which the path may be given commands. */
    public boolean isUsable() {
        return this != DOWN;
    }
}
