package org.hbateam.driver.iscsi.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.hbateam.driver.iscsi.internal.connection.SessionSettings;
import org.hbateam.driver.iscsi.internal.login.Portal;
import org.hbateam.driver.iscsi.internal.mcs.ConnectionGroup;
import org.hbateam.driver.iscsi.internal.mcs.GroupConnection;

/**
 * One target reached by a connection-based adapter: one session (one ISID) whose connection with CID i runs from the
 * i-th {@link GroupConnection} to the i-th portal, each connection publishing its own paths under its own adapter
 * id. When the {@link ConnectionGroup} falls back, its connections are stopped and each adapter gets a session of its
 * own to its portal; the one over the link last known to work logs in with the group's ISID, which reinstates the
 * group's session and so fences whatever it still held. The group's paths stay published (DOWN) until then.
 */
final class GroupTarget {
    /** How long the group's paths stay after its fence closed, so the retries it released find them still there. */
    private static final long WITHDRAW_AFTER_FENCE_MS = 2000;
    private final Adapter adapter;
    private final AdapterSettings settings;
    private final String target;
    private final Consumer<String> fallbacks;
    private final ConnectionGroup group;
    private final byte[] isid;
    private final List<TargetSession> connections = new ArrayList<>();

    GroupTarget(Adapter adapter, AdapterSettings settings, String target, Consumer<String> fallbacks) {
        this.adapter = adapter;
        this.settings = settings;
        this.target = target;
        this.fallbacks = fallbacks;
        this.group = new ConnectionGroup(settings.name() + "/" + target, settings.connections().size(),
                settings.taskManagementTimeoutMs(), this::fallBack);
        this.isid = adapter.isid(settings.name(), settings.portals().get(0), target);
    }

    void start() {
        List<TargetSession> started = new ArrayList<>();
        synchronized (connections) {
            for (int index = 0; index < settings.connections().size(); index++) {
                int cid = index + 1;
                TargetSession connection = new TargetSession(settings(index, isid, "/c" + cid), adapterId(index),
                        adapter.registry(), adapter.directory(), group.member(cid), "/c" + cid, null);
                group.add(connection.runner());
                connections.add(connection);
            }
            started.addAll(connections);
        }
        started.forEach(adapter::start);
    }

    /** The adapter stopped: a group session never proven gone fails its fences rather than leave them waiting. */
    void stopped() {
        group.stopped();
    }

    private SessionSettings settings(int index, byte[] sessionIsid, String label) {
        Portal portal = settings.portals().get(index);
        return adapter.sessionSettings(settings.name() + label + "/" + portal + "/" + target,
                settings.connections().get(index).localAddress(), portal, target, sessionIsid);
    }

    private String adapterId(int index) {
        return settings.connections().get(index).adapterId();
    }

    /**
     * Replaces the group's connections by sessions of their own. On a thread of its own: the group reports from a
     * connection's threads, which stopping that connection waits for.
     */
    private void fallBack(String reason) {
        fallbacks.accept(target + ": " + reason);
        Thread replace = new Thread(this::replaceConnections, "iscsi-" + settings.name() + "-fallback");
        replace.setDaemon(true);
        replace.start();
    }

    private void replaceConnections() {
        List<TargetSession> retired;
        synchronized (connections) {
            retired = List.copyOf(connections);
            connections.clear();
        }
        retired.forEach(adapter::retire);
        // Withdrawn only a while after the fence closes: the failover service retries a command that waits for its
        // fence elsewhere as soon as it closes, but fails it (outcome unknown) when its path leaves first.
        group.sessionGone().whenComplete((done, error) -> CompletableFuture.delayedExecutor(WITHDRAW_AFTER_FENCE_MS,
                TimeUnit.MILLISECONDS).execute(() -> retired.forEach(TargetSession::withdraw)));
        // The session with the group's ISID reinstates the group's session: it goes over the link last known to work.
        int reinstating = group.liveCid() - 1;
        for (int index = 0; index < settings.connections().size(); index++) {
            String id = adapterId(index);
            boolean heir = index == reinstating;
            byte[] own = heir ? isid : adapter.isid(id, settings.portals().get(index), target);
            adapter.start(new TargetSession(settings(index, own, "/" + id), id, adapter.registry(), adapter.directory(),
                    null, "", heir ? session -> group.reinstated() : null));
        }
    }
}
