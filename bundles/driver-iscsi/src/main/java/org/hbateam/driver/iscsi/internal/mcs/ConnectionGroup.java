package org.hbateam.driver.iscsi.internal.mcs;

import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.hbateam.driver.iscsi.internal.session.Session;
import org.hbateam.driver.iscsi.internal.session.SessionRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session whose connections run over several adapters (MC/S, connection-based teaming): the leading connection
 * (CID 0) logs in as a new session, the others join it with their CIDs. A connection that dies is fenced before its
 * commands move: a Logout of its CID over the leading connection. When that gets no answer in time the leading
 * connection is dropped, and its runner's next login reinstates the session, which fences every connection the
 * session had (the session-based fence rules). A target that cannot do MC/S makes the group fall back, once, to
 * one session per adapter: one that negotiates MaxConnections below the group's size, refuses to add a connection,
 * refuses the Logout of a connection, or closes the connection the Logout came on (which tgtd does).
 */
public final class ConnectionGroup {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGroup.class);

    private final String name;
    private final int size;
    private final long fenceTimeoutMs;
    private final Consumer<String> fallback;
    private final AtomicBoolean fellBack = new AtomicBoolean();
    private volatile SessionRunner leading;

    /**
     * @param name           for logs
     * @param size           the number of connections, leading one included
     * @param fenceTimeoutMs how long a Logout of a dead connection may wait for its answer
     * @param fallback       told once, with the reason, when the group falls back to one session per adapter
     */
    public ConnectionGroup(String name, int size, long fenceTimeoutMs, Consumer<String> fallback) {
        this.name = name;
        this.size = size;
        this.fenceTimeoutMs = fenceTimeoutMs;
        this.fallback = fallback;
    }

    /** The runner of the leading connection; set before any member starts. */
    public void lead(SessionRunner runner) {
        this.leading = runner;
    }

    /** The membership of connection {@code cid} (1 to size - 1). */
    public SessionRunner.Membership member(int cid) {
        return new Member(cid);
    }

    /** True once the group has fallen back to one session per adapter. */
    public boolean fellBack() {
        return fellBack.get();
    }

    /** The leading connection logged in: a target that allows fewer connections than the group has is not for MC/S. */
    public void leadingUp(Session session) {
        int allowed = session.parameters().maxConnections();
        if (allowed < size) {
            fallBack("the target negotiated MaxConnections=" + allowed + " for a group of " + size + " connections");
        }
    }

    private void fallBack(String reason) {
        if (fellBack.compareAndSet(false, true)) {
            LOG.warn("{}: connection-based teaming (MC/S) falls back to one session per adapter: {}", name, reason);
            fallback.accept(reason);
        }
    }

    /** A member connection ended: fence it over the leading connection, unless its session is already going. */
    private void ended(Session dead, String reason) {
        SessionRunner runner = leading;
        Session carrier = runner == null ? null : runner.current();
        if (carrier == null || !carrier.isOpen() || carrier.window() != dead.window()) {
            return; // its session ends or was reinstated: that fences it, as it fences the leading connection
        }
        long start = System.nanoTime();
        carrier.fenceConnection(dead, fenceTimeoutMs).whenComplete((done, error) -> {
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (error == null) {
                LOG.info("{}: CID {} ({}) fenced by a Logout over CID {} in {} ms; its commands move to the other "
                        + "connections", name, dead.cid(), reason, carrier.cid(), ms);
            } else if (unwrap(error) instanceof TimeoutException) {
                LOG.warn("{}: no answer to the Logout of CID {} within {} ms; reinstating the session to fence it",
                        name, dead.cid(), fenceTimeoutMs);
                carrier.drop("the Logout of CID " + dead.cid() + " went unanswered; the session is reinstated");
            } else {
                fallBack(unwrap(error).getMessage());
                carrier.drop("the target mishandled the Logout of CID " + dead.cid() + "; the session is reinstated");
            }
        });
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** What one member connection's runner asks of the group. */
    private final class Member implements SessionRunner.Membership {
        private final int cid;

        Member(int cid) {
            this.cid = cid;
        }

        /** The leading connection's session, unless the group fell back or its negotiation leaves no room. */
        @Override
        public Session leading() {
            SessionRunner runner = leading;
            Session session = fellBack.get() || runner == null ? null : runner.current();
            return session != null && session.parameters().maxConnections() >= size ? session : null;
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
