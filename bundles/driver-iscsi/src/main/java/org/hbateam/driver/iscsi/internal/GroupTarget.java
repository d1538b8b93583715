package org.hbateam.driver.iscsi.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.hbateam.driver.iscsi.internal.login.Portal;
import org.hbateam.driver.iscsi.internal.mcs.ConnectionGroup;
import org.hbateam.driver.iscsi.internal.mcs.GroupConnection;
import org.hbateam.driver.iscsi.internal.session.SessionSettings;

/**
 * One target reached by a connection-based adapter: one session (one ISID) whose connection i runs from the i-th
 * {@link GroupConnection} to the i-th portal, each connection publishing its own paths under its own adapter id.
 * When the {@link ConnectionGroup} falls back, the joining connections are stopped and each of their adapters gets
 * a session of its own to its portal; the leading connection goes on as its adapter's session.
 */
final class GroupTarget {
    private final Adapter adapter;
    private final AdapterSettings settings;
    private final String target;
    private final Consumer<String> fallbacks;
    private final ConnectionGroup group;
    private final List<TargetSession> members = new ArrayList<>();

    GroupTarget(Adapter adapter, AdapterSettings settings, String target, Consumer<String> fallbacks) {
        this.adapter = adapter;
        this.settings = settings;
        this.target = target;
        this.fallbacks = fallbacks;
        this.group = new ConnectionGroup(settings.name() + "/" + target, settings.connections().size(),
                settings.taskManagementTimeoutMs(), this::fallBack);
    }

    void start() {
        byte[] isid = adapter.isid(settings.name(), settings.portals().get(0), target);
        TargetSession leading = new TargetSession(connectionSettings(0, isid), adapterId(0), adapter.registry(),
                adapter.directory(), null, "/c0", group::leadingUp);
        group.lead(leading.runner());
        synchronized (members) {
            for (int cid = 1; cid < settings.connections().size(); cid++) {
                members.add(new TargetSession(connectionSettings(cid, isid), adapterId(cid), adapter.registry(),
                        adapter.directory(), group.member(cid), "/c" + cid, null));
            }
        }
        adapter.start(leading);
        members.forEach(adapter::start);
    }

    private SessionSettings connectionSettings(int cid, byte[] isid) {
        Portal portal = settings.portals().get(cid);
        return adapter.sessionSettings(settings.name() + "/c" + cid + "/" + portal + "/" + target,
                settings.connections().get(cid).localAddress(), portal, target, isid);
    }

    private String adapterId(int index) {
        return settings.connections().get(index).adapterId();
    }

    /**
     * Replaces the joining connections by sessions of their own. On a thread of its own: the group reports from a
     * session's own threads, which stopping that session waits for.
     */
    private void fallBack(String reason) {
        fallbacks.accept(target + ": " + reason);
        Thread replace = new Thread(this::replaceMembers, "iscsi-" + settings.name() + "-fallback");
        replace.setDaemon(true);
        replace.start();
    }

    private void replaceMembers() {
        List<TargetSession> retired;
        synchronized (members) {
            retired = List.copyOf(members);
            members.clear();
        }
        retired.forEach(adapter::retire);
        for (int cid = 1; cid < settings.connections().size(); cid++) {
            Portal portal = settings.portals().get(cid);
            SessionSettings own = adapter.sessionSettings(settings.name() + "/" + adapterId(cid) + "/" + portal + "/"
                    + target, settings.connections().get(cid).localAddress(), portal, target,
                    adapter.isid(adapterId(cid), portal, target));
            adapter.start(new TargetSession(own, adapterId(cid), adapter.registry(), adapter.directory()));
        }
    }
}
