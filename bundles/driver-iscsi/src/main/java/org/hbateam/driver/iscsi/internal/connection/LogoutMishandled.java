package org.hbateam.driver.iscsi.internal.connection;

/**
 * The target answered a Logout that closes another connection wrongly: it refused it, or it closed the connection
 * the request came on. Such a target cannot fence one connection of a session; unlike a carrier that died or an
 * answer that never came, this will not get better by trying again.
 */
public final class LogoutMishandled extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public LogoutMishandled(String message) {
        super(message);
    }
}
