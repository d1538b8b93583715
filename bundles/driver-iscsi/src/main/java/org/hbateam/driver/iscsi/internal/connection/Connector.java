package org.hbateam.driver.iscsi.internal.connection;

import java.io.IOException;

import org.hbateam.api.path.PathException;
import org.hbateam.driver.iscsi.internal.login.Login;
import org.hbateam.driver.iscsi.internal.login.LoginException;
import org.hbateam.driver.iscsi.internal.login.LoginRedirect;
import org.hbateam.driver.iscsi.internal.login.LoginRequest;
import org.hbateam.driver.iscsi.internal.login.LoginResult;
import org.hbateam.driver.iscsi.internal.login.Portal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects and logs in, following login redirections (status class 1): a temporary one for this attempt,
 * a permanent one for every later attempt too. The login deadline is enforced by {@link #tick}, which
 * closes a connection whose login runs late (a blocking channel has no read timeout of its own).
 */
public final class Connector {
    private static final Logger LOG = LoggerFactory.getLogger(Connector.class);
    private static final int MAX_REDIRECTS = 5;

    private volatile Connection connecting;
    private volatile long deadlineNanos;
    private volatile Portal permanentPortal;

    public Connector() {
    }

    /** A logged-in connection and its login result. */
    public record Established(Connection connection, LoginResult login) {
    }

    public Established connect(SessionSettings settings, int cmdSn) throws IOException {
        Portal portal = permanentPortal != null ? permanentPortal : settings.portal();
        for (int redirects = 0; ; redirects++) {
            try {
                return attempt(settings, portal, 0, 0, cmdSn);
            } catch (LoginRedirect redirect) {
                if (redirects >= MAX_REDIRECTS) {
                    throw new IOException("more than " + MAX_REDIRECTS + " login redirections from " + settings.portal());
                }
                LOG.info("{}: {}", settings.name(), redirect.getMessage());
                portal = redirect.portal();
                if (redirect.permanent()) {
                    permanentPortal = portal;
                }
            }
        }
    }

    /** One login through exactly {@code settings}' address and portal: no redirection is followed. */
    public Established connectOnce(SessionSettings settings, int cmdSn) throws IOException {
        return attempt(settings, settings.portal(), 0, 0, cmdSn);
    }

    /**
     * Adds connection {@code cid} to the session {@code tsih} (MC/S): a login with the session's ISID and TSIH through
     * exactly {@code settings}' address and portal, starting at the session's next CmdSN.
     */
    public Established join(SessionSettings settings, int tsih, int cid, int cmdSn) throws IOException {
        return attempt(settings, settings.portal(), tsih, cid, cmdSn);
    }

    private Established attempt(SessionSettings settings, Portal portal, int tsih, int cid, int cmdSn) throws IOException {
        deadlineNanos = System.nanoTime() + settings.loginTimeoutMs() * 1_000_000L;
        Connection connection = Connection.open(settings.localAddress(), portal, settings.loginTimeoutMs());
        connecting = connection;
        try {
            LoginRequest request = new LoginRequest(settings.initiatorName(), settings.targetName(), settings.isid(),
                    tsih, cid, cmdSn, settings.chap(), settings.proposal());
            LoginResult result = new Login(request, connection.reader, connection.writer).run();
            return new Established(connection, result);
        } catch (LoginRedirect | LoginException e) {
            connection.close();
            throw e;
        } catch (IOException e) {
            connection.close();
            PathException why = connection.failure();
            throw why != null ? new IOException(why.getMessage(), e) : e;
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        } finally {
            connecting = null;
        }
    }

    /**
     * Puts an already logged-in connection under a deadline too (discovery's Text exchange and Logout);
     * {@link #unwatch} ends it.
     */
    public void watch(Connection connection, int timeoutMillis) {
        deadlineNanos = System.nanoTime() + timeoutMillis * 1_000_000L;
        connecting = connection;
    }

    public void unwatch() {
        connecting = null;
    }

    /** Fails a login that has run past its deadline. Called by the adapter's timer. */
    public void tick(long nowNanos) {
        Connection connection = connecting;
        if (connection != null && nowNanos - deadlineNanos > 0) {
            connection.fail(PathException.Reason.TIMEOUT, "login to " + connection.portal() + " timed out");
        }
    }

    /** Aborts a login in progress (the session is being stopped). */
    public void abort() {
        Connection connection = connecting;
        if (connection != null) {
            connection.fail(PathException.Reason.PATH_REMOVED, "the session is being stopped");
        }
    }
}
