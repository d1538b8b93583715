package org.hbateam.driver.iscsi.internal.mcs;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.hbateam.driver.iscsi.internal.connection.LogoutMishandled;
import org.hbateam.driver.iscsi.internal.session.CommandWindow;
import org.hbateam.driver.iscsi.internal.session.Session;
import org.hbateam.driver.iscsi.internal.session.SessionRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session whose connections run over several adapters (MC/S, connection-based teaming). Whichever connection
 * reaches the target first while the session has no live connection creates it (a login with TSIH 0, which
 * reinstates the previous session and so proves all its connections gone); the others join it with its TSIH and
 * their own CIDs. A connection that dies while others live is fenced before its commands move: a Logout of its CID
 * over a live connection. No answer in time: every connection is dropped, and the next creating login's
 * reinstatement fences them all (the session-based fence rules). A target that cannot do MC/S makes the group fall
 * back, once, to one session per adapter: one that negotiates MaxConnections below the group's size, refuses to add
 * a connection, refuses the Logout of a connection, or closes the connection the Logout came on (as tgtd does).
 */
public final class ConnectionGroup {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGroup.class);

    private final String name;
    private final int size;
    private final long fenceTimeoutMs;
    private final Consumer<String> fallback;
    private final List<SessionRunner> runners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean fellBack = new AtomicBoolean();
    /** A runner is logging in to create the session: the others wait rather than reinstate it under its feet. */
    private final AtomicBoolean creating = new AtomicBoolean();
    /** The current session's numbering: the session whose connections may be joined and fenced. */
    private volatile CommandWindow current;
    /** The CID of the connection last known to reach the target: the one that created the session or carried a fence. */
    private volatile int liveCid = 1;

    /**
     * @param name           for logs
     * @param size           the number of connections
     * @param fenceTimeoutMs how long a Logout of a dead connection may wait for its answer
     * @param fallback       told once, with the reason, when the group falls back to one session per adapter
     */
    public ConnectionGroup(String name, int size, long fenceTimeoutMs, Consumer<String> fallback) {
        this.name = name;
        this.size = size;
        this.fenceTimeoutMs = fenceTimeoutMs;
        this.fallback = fallback;
    }

    /** The membership of connection {@code cid} (1 and up); its runner is added with {@link #add}. */
    public SessionRunner.Membership member(int cid) {
        return new Member(cid);
    }

    /** A runner of one of the group's connections, whose live connection others may join or fence through. */
    public void add(SessionRunner runner) {
        runners.add(runner);
    }

    /**
     * The CID of the connection last known to reach the target (it created the session, or a fence went over it): the
     * route a fall back's reinstating login should take, rather than a link that may be the one that failed.
     */
    public int liveCid() {
        return liveCid;
    }

    /** True once the group has fallen back to one session per adapter. */
    public boolean fellBack() {
        return fellBack.get();
    }

    /**
     * A login with the group's ISID and TSIH 0 by someone else (the fallback's session of the first adapter)
     * reinstated the group's session: everything it had is gone.
     */
    public void reinstated() {
        CommandWindow last = current;
        if (last != null) {
            last.provenGone();
        }
    }

    /** The group's runners are stopped for good: a session never proven gone fails its fences rather than wait. */
    public void stopped() {
        CommandWindow last = current;
        if (last != null) {
            last.neverProvenGone(name + " stopped before the target confirmed that its session is gone");
        }
    }

    private void fallBack(String reason) {
        if (fellBack.compareAndSet(false, true)) {
            LOG.warn("{}: connection-based teaming (MC/S) falls back to one session per adapter: {}", name, reason);
            fallback.accept(reason);
        }
    }

    /**
     * The live connection of the session {@code window} other than {@code except} that heard from the target last,
     * or null: the likeliest to carry a Logout through while another link may be failing unnoticed.
     */
    private Session live(CommandWindow window, Session except) {
        long now = System.nanoTime();
        Session best = null;
        for (SessionRunner runner : runners) {
            Session session = runner.current();
            if (session != null && session != except && session.isOpen() && session.window() == window
                    && (best == null || session.quietNanos(now) < best.quietNanos(now))) {
                best = session;
            }
        }
        return best;
    }

    /** Completes when the current session is gone at the target (at once when there is none). */
    public CompletionStage<Void> sessionGone() {
        CommandWindow window = current;
        return window == null ? CompletableFuture.completedFuture(null) : window.gone();
    }

    private void created(Session session) {
        CommandWindow previous = current;
        current = session.window();
        liveCid = session.cid();
        if (previous != null) {
            previous.provenGone(); // the login with TSIH 0 reinstated it
        }
        int allowed = session.parameters().maxConnections();
        LOG.info("{}: CID {} created the session (TSIH {}, MaxConnections={})", name, session.cid(), session.tsih(), allowed);
        if (allowed < size) {
            fallBack("the target negotiated MaxConnections=" + allowed + " for a group of " + size + " connections");
        }
    }

    /** A connection ended: fence it over a live one, unless none is left (then the next creating login fences it). */
    private void ended(Session dead, String reason) {
        Session carrier = live(dead.window(), dead);
        if (carrier == null || dead.window() != current) {
            return;
        }
        liveCid = carrier.cid();
        long start = System.nanoTime();
        carrier.fenceConnection(dead, fenceTimeoutMs).whenComplete((done, error) -> {
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (error == null) {
                LOG.info("{}: CID {} ({}) fenced by a Logout over CID {} in {} ms; its commands move to the other "
                        + "connections", name, dead.cid(), reason, carrier.cid(), ms);
                return;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof LogoutMishandled) {
                fallBack(cause.getMessage());
            } else {
                LOG.warn("{}: the Logout of CID {} over CID {} did not fence it ({}); the session is dropped, and its "
                        + "next login reinstates it, which fences every connection", name, dead.cid(), carrier.cid(),
                        cause instanceof TimeoutException ? "no answer within " + fenceTimeoutMs + " ms" : cause.getMessage());
            }
            dropAll(dead.window(), "the Logout of CID " + dead.cid() + " did not fence it; the session is reinstated");
        });
    }

    private void dropAll(CommandWindow window, String reason) {
        for (SessionRunner runner : runners) {
            Session session = runner.current();
            if (session != null && session.window() == window) {
                session.drop(reason);
            }
        }
    }

    /** What one connection's runner asks of the group. */
    private final class Member implements SessionRunner.Membership {
        private final int cid;

        Member(int cid) {
            this.cid = cid;
        }

        /** A live connection of the current session, unless the group fell back or its negotiation leaves no room. */
        @Override
        public Session joinable() {
            CommandWindow window = current;
            Session session = fellBack.get() || window == null ? null : live(window, null);
            return session != null && session.parameters().maxConnections() >= size ? session : null;
        }

        @Override
        public boolean mayCreate() {
            return !fellBack.get() && creating.compareAndSet(false, true);
        }

        @Override
        public void created(Session session) {
            try {
                if (session != null) {
                    ConnectionGroup.this.created(session);
                }
            } finally {
                creating.set(false);
            }
        }

        @Override
        public int cid() {
            return cid;
        }

        @Override
        public void ended(Session connection, String reason) {
            ConnectionGroup.this.ended(connection, reason);
        }

        @Override
        public void refused(String reason) {
            fallBack("the target refused to add connection " + cid + " to the session: " + reason);
        }
    }
}
