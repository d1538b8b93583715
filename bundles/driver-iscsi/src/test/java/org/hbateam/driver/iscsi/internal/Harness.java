package org.hbateam.driver.iscsi.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.hbateam.api.path.DataPath;
import org.hbateam.api.path.PathState;
import org.hbateam.api.path.PathStateListener;
import org.hbateam.driver.iscsi.internal.fake.FakeTarget;
import org.hbateam.driver.iscsi.internal.login.ChapCredentials;
import org.hbateam.driver.iscsi.internal.login.Portal;
import org.hbateam.driver.iscsi.internal.login.Proposal;

/**
 * An adapter logged in to a {@link FakeTarget}, with a path registry that records what is published and
 * a listener that records path states. Waits are hang guards only: the tests assert on what happened.
 */
final class Harness implements AutoCloseable {
    static final long GUARD_SECONDS = 20;

    final FakeTarget target;
    final Adapter adapter;
    final BlockingQueue<IscsiPath> published = new LinkedBlockingQueue<>();
    final List<IscsiPath> unpublished = new CopyOnWriteArrayList<>();
    final BlockingQueue<String> states = new LinkedBlockingQueue<>();

    Harness(FakeTarget target, ChapCredentials chap, Proposal proposal, int nopIntervalMs, int nopTimeoutMs) {
        this(target, chap, proposal, nopIntervalMs, nopTimeoutMs, 1000);
    }

    Harness(FakeTarget target, ChapCredentials chap, Proposal proposal, int nopIntervalMs, int nopTimeoutMs,
            int reconnectMaxDelayMs) {
        this(target, "hba0", chap, proposal, nopIntervalMs, nopTimeoutMs, 50, reconnectMaxDelayMs, new SessionDirectory());
    }

    /**
     * An adapter named {@code name} that reconnects after {@code reconnectDelayMs}, backs off to at most
     * {@code reconnectMaxDelayMs}, and shares {@code directory} with other adapters.
     */
    Harness(FakeTarget target, String name, ChapCredentials chap, Proposal proposal, int nopIntervalMs, int nopTimeoutMs,
            int reconnectDelayMs, int reconnectMaxDelayMs, SessionDirectory directory) {
        this.target = target;
        PathRegistry registry = (path, properties) -> {
            IscsiPath p = (IscsiPath) path;
            p.addStateListener(listener());
            published.add(p);
            return new PathRegistry.Registration() {
                @Override
                public void update(Map<String, Object> newProperties) {
                }

                @Override
                public void unregister() {
                    unpublished.add(p);
                }
            };
        };
        AdapterSettings settings = AdapterSettings.builder(name, "iqn.2026-01.org.hbateam:test",
                List.of(Portal.parse(target.portal()))).targets(List.of(FakeTarget.IQN)).chap(chap).proposal(proposal)
                .loginTimeoutMs(3000).nop(nopIntervalMs, nopTimeoutMs).taskManagementTimeoutMs(500)
                .reconnect(reconnectDelayMs, reconnectMaxDelayMs).build();
        this.adapter = new Adapter(settings, registry, directory);
    }

    Harness(FakeTarget target, Proposal proposal) {
        this(target, ChapCredentials.none(), proposal, 1000, 3000);
    }

    private PathStateListener listener() {
        return (DataPath path, PathState state, String reason) -> states.add(state + ": " + reason);
    }

    /** Starts the adapter and returns the first path it publishes. */
    IscsiPath start() throws InterruptedException {
        adapter.start();
        IscsiPath path = published.poll(GUARD_SECONDS, TimeUnit.SECONDS);
        if (path == null) {
            throw new AssertionError("no path was published within " + GUARD_SECONDS + " s");
        }
        return path;
    }

    /** The next state change reported to the listener. */
    String nextState() throws InterruptedException {
        String state = states.poll(GUARD_SECONDS, TimeUnit.SECONDS);
        if (state == null) {
            throw new AssertionError("no path state change within " + GUARD_SECONDS + " s");
        }
        return state;
    }

    @Override
    public void close() throws Exception {
        // The adapter first: its stop ends a stalled connection by closing it, which also frees the fake target's
        // threads; the target's close then only waits for threads that are ending.
        try {
            adapter.stop();
        } finally {
            target.close();
        }
    }
}
