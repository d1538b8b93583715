package org.hbateam.driver.iscsi.internal.session;

/** Told when a session reaches the full feature phase and when it ends. Called on the session's thread. */
public interface SessionListener {
    /** The session is logged in and accepts commands. */
    void sessionUp(Session session);

    /** The session ended; every command it held has failed with {@code error}'s reason. */
    void sessionDown(Session session, String reason);
}
