package org.hbateam.driver.iscsi.internal.session;

import java.io.EOFException;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.hbateam.api.path.PathException;
import org.hbateam.driver.iscsi.internal.connection.Connector;
import org.hbateam.driver.iscsi.internal.connection.LoggedOutException;
import org.hbateam.driver.iscsi.internal.connection.RetryLog;
import org.hbateam.driver.iscsi.internal.connection.SessionSettings;
import org.hbateam.driver.iscsi.internal.login.LoginException;
import org.hbateam.driver.iscsi.internal.pdu.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one session alive on its own thread, which is also the connection's reader: log in (with the
 * same ISID every time, so the target reinstates the session and drops what the old one held), run the
 * reader loop, and when the connection ends fail everything it held exactly once, report the session
 * down and log in again after a backoff that starts at the reconnect delay (at least DefaultTime2Wait
 * after a logout) and doubles up to the reconnect cap (1 s by default): while commands wait for a path, a target
 * that is back must be found within about a second, not on an exponential schedule that outlives the failover
 * service's noPathRetry. Failed logins are logged through a {@link RetryLog}, so a short interval does not
 * flood the log.
 *
 * <p>It also proves its dead sessions gone at the target ({@link GoneProofs}), which fences what died with them.
 */
public final class SessionRunner implements AsyncEvents {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRunner.class);
    /** A writer ends within a moment of its channel closing; this only bounds the wait for a stuck callback. */
    private static final long WRITER_STOP_MS = 2000;
    /** How often a connection waiting for another to create its session looks again. */
    private static final long JOIN_POLL_MS = 50;

    /**
     * How a runner's connection belongs to a session of several connections (MC/S) instead of being a session of
     * its own. Any connection may create the session, with a login of TSIH 0 (which reinstates the previous one, and
     * so fences all it had); the others join it with its TSIH and their own CIDs. A connection's end is the
     * membership's to fence, since this runner's next login proves nothing about it.
     */
    public interface Membership {
        /** A live connection of the session to join now, or null when there is none. */
        Session joinable();

        /** True when this runner may create the session now; then {@link #created} must follow. */
        boolean mayCreate();

        /** The session this runner's login created, or null when the login failed. */
        void created(Session session);

        /** This connection's CID, 1 and up. */
        int cid();

        /** This connection ended; everything it held has failed and waits for its fence. */
        void ended(Session connection, String reason);

        /** The target refused to add this connection to the session (a login refusal, not a timeout). */
        void refused(String reason);
    }

    private final SessionSettings settings;
    private final SessionListener listener;
    /** Null for a runner whose connection is a session of its own; else its place in a multi-connection one. */
    private final Membership membership;
    private final Connector connector = new Connector();
    private final GoneProofs proofs;
    private final RetryLog loginFailures;
    private final Thread thread;
    private volatile Session current;
    private volatile boolean stopped;
    private int nextCmdSn = 1;

    public SessionRunner(SessionSettings settings, SessionListener listener, SiblingRoutes routes) {
        this(settings, listener, routes, null);
    }

    /** A runner whose connection joins another's session when {@code membership} is not null. */
    public SessionRunner(SessionSettings settings, SessionListener listener, SiblingRoutes routes, Membership membership) {
        this.settings = settings;
        this.listener = listener;
        this.membership = membership;
        this.proofs = new GoneProofs(new ProxyReinstatement(settings, connector, routes));
        this.loginFailures = new RetryLog(LOG, settings.name(), "login");
        this.thread = new Thread(this::run, "iscsi-" + settings.name());
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** The logged-in session, or null between connections. */
    public Session current() {
        return current;
    }

    public String targetName() {
        return settings.targetName();
    }

    /**
     * This runner's route to its target if its session has heard from the target within a NOP interval and
     * timeout, else null: a route for a sibling's proxy reinstatement.
     */
    public SiblingRoutes.Route liveRoute(long nowNanos) {
        Session session = current;
        long quietLimitNanos = (settings.nopIntervalMs() + (long) settings.nopTimeoutMs()) * 1_000_000L;
        if (session == null || !session.isOpen() || nowNanos - session.connection.lastReceiveNanos > quietLimitNanos) {
            return null;
        }
        return new SiblingRoutes.Route(settings.localAddress(), session.connection.portal());
    }

    private void run() {
        long maxBackoff = settings.reconnectMaxDelayMs();
        long backoff = Math.min(settings.reconnectDelayMs(), maxBackoff);
        while (!stopped) {
            long delay = backoff;
            try {
                Session session = membership == null ? login() : join();
                if (session != null) {
                    loginFailures.succeeded();
                    backoff = Math.min(settings.reconnectDelayMs(), maxBackoff);
                    delay = runSession(session);
                } else {
                    delay = Math.min(delay, JOIN_POLL_MS);
                }
                if (!stopped && membership == null) {
                    proofs.tryThroughSibling(this);
                }
            } catch (IOException | RuntimeException e) {
                if (!stopped) {
                    loginFailures.failed(String.valueOf(e.getMessage()), System.nanoTime());
                }
                backoff = Math.min(backoff * 2, maxBackoff);
            }
            pause(delay);
        }
        proofs.giveUp("the driver stopped " + settings.name() + " before the target confirmed that its old session is gone");
    }

    private Session login() throws IOException {
        Connector.Established established = connector.connect(settings, nextCmdSn);
        return new Session(established.connection(), established.login(), settings.name());
    }

    /** Joins the session, or creates it when it has no live connection; null while another runner creates it. */
    private Session join() throws IOException {
        Session joinable = membership.joinable();
        if (joinable != null) {
            Connector.Established established = joinLogin(joinable);
            if (established.login().tsih() != joinable.tsih() || !joinable.isOpen()) {
                established.connection().close();
                throw new IOException("the session " + joinable.tsih() + " ended while connection " + membership.cid()
                        + " joined it (the target answered TSIH " + established.login().tsih() + ")");
            }
            return new Session(established.connection(), established.login(), settings.name(), joinable,
                    membership.cid());
        }
        if (!membership.mayCreate()) {
            return null;
        }
        Session created = null;
        try {
            Connector.Established established = connector.join(settings, 0, membership.cid(), 1);
            created = new Session(established.connection(), established.login(), settings.name(), null, membership.cid());
            return created;
        } finally {
            membership.created(created);
        }
    }

    /** The login that adds this connection to {@code joinable}'s session; a refusal is the membership's news. */
    private Connector.Established joinLogin(Session joinable) throws IOException {
        try {
            return connector.join(settings, joinable.tsih(), membership.cid(), joinable.window().next());
        } catch (LoginException e) {
            if (!e.retryable() && !stopped) {
                membership.refused(e.getMessage());
            }
            throw e;
        }
    }

    /** Runs the full feature phase until the connection ends; returns the delay before the next login. */
    private long runSession(Session session) {
        current = session;
        if (membership == null) {
            proofs.loggedIn();
        }
        long delay = settings.reconnectDelayMs();
        String reason;
        PathException error;
        boolean loggedOut = false;
        try {
            session.writer.start();
            listener.sessionUp(session);
            new Inbound(session, this).run();
            throw new IllegalStateException("the reader loop never returns normally");
        } catch (LoggedOutException e) {
            loggedOut = true;
            delay = Math.max(delay, TimeUnit.SECONDS.toMillis(Math.max(e.time2Wait(), session.parameters().defaultTime2Wait())));
            error = reasonFor(session, e);
        } catch (IOException | RuntimeException e) {
            error = reasonFor(session, e);
        } finally {
            session.connection.close();
            // The closed channel ends a write in progress; the writer's end settles which commands were written.
            session.writer.stop(WRITER_STOP_MS);
            current = null;
        }
        nextCmdSn = 1;
        reason = error.getMessage();
        if (!stopped) {
            LOG.warn("{}: session down: {}", settings.name(), reason);
        }
        session.failAll(error);
        if (membership == null) {
            proofs.ended(session, loggedOut);
        } else if (loggedOut) {
            session.provenGone();
        } else {
            membership.ended(session, reason);
        }
        listener.sessionDown(session, reason);
        return delay;
    }

    private PathException reasonFor(Session session, Exception e) {
        PathException recorded = session.connection.failure();
        if (recorded != null) {
            return recorded;
        }
        if (stopped) {
            return new PathException(PathException.Reason.PATH_REMOVED, "the session was stopped");
        }
        if (e instanceof ProtocolException) {
            return new PathException(PathException.Reason.PROTOCOL, "protocol error from " + session.connection.portal()
                    + ": " + e.getMessage());
        }
        if (e instanceof LoggedOutException) {
            return new PathException(PathException.Reason.TRANSPORT, "the session logged out");
        }
        String message = e instanceof EOFException ? e.getMessage() : String.valueOf(e.getMessage());
        return new PathException(PathException.Reason.TRANSPORT, "connection to " + session.connection.portal()
                + " lost: " + message);
    }

    private void pause(long millis) {
        try {
            if (!stopped) {
                Thread.sleep(millis);
            }
        } catch (InterruptedException e) {
            // stop() interrupts to end the wait; the loop checks the flag
        }
    }

    /** Called by the adapter's timer: login deadline and NOP pings. Never blocks. */
    public void tick(long nowNanos) {
        connector.tick(nowNanos);
        Session session = current;
        if (session != null) {
            session.nop.tick(nowNanos, settings.nopIntervalMs() * 1_000_000L, settings.nopTimeoutMs() * 1_000_000L);
            session.taskManagement.tick(nowNanos, settings.taskManagementTimeoutMs() * 1_000_000L);
        }
    }

    @Override
    public void received(Session session, int event, int parameter1, int parameter2, int parameter3) {
        switch (event) {
            case LOGOUT_REQUESTED:
            case NEGOTIATION_REQUESTED:
                LOG.info("{}: the target asks for a logout (async event {}); logging out to reconnect", settings.name(), event);
                session.logout();
                break;
            case CONNECTION_DROP:
            case SESSION_DROP:
                LOG.info("{}: the target announces it will drop the connection in {} s", settings.name(), parameter2);
                break;
            default:
                LOG.debug("{}: async event {} ignored", settings.name(), event);
        }
    }

    /**
     * Stops for good: logs out if logged in (waiting up to {@code logoutWaitMs} for the answer), then
     * closes the connection. Every held command fails with PATH_REMOVED; returns when the thread has ended.
     */
    public void stop(long logoutWaitMs) {
        stopped = true;
        connector.abort();
        Session session = current;
        if (session != null) {
            session.logout();
        }
        try {
            thread.join(logoutWaitMs);
            if (thread.isAlive()) {
                Session late = current;
                if (late != null) {
                    late.connection.fail(PathException.Reason.PATH_REMOVED, "the session was stopped");
                }
                thread.interrupt();
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
