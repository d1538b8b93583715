package org.hbateam.driver.iscsi.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArraySet;

import org.hbateam.driver.iscsi.internal.session.SessionRunner;
import org.hbateam.driver.iscsi.internal.session.SiblingRoutes;
import org.osgi.service.component.annotations.Component;

/**
 * Every session runner of every iSCSI adapter in this bundle, so that a session that died with commands of
 * unknown outcome can be reinstated through another adapter's live route to the same target (see
 * {@link org.hbateam.driver.iscsi.internal.session.ProxyReinstatement}). One instance for the bundle, made by DS
 * and given to each adapter, because the routes of one adapter are what fences another's.
 */
@Component(service = SessionDirectory.class)
public final class SessionDirectory implements SiblingRoutes {
    private final CopyOnWriteArraySet<SessionRunner> runners = new CopyOnWriteArraySet<>();

    void add(SessionRunner runner) {
        runners.add(runner);
    }

    void remove(SessionRunner runner) {
        runners.remove(runner);
    }

    @Override
    public List<Route> liveRoutes(String targetName, SessionRunner except) {
        long now = System.nanoTime();
        List<Route> routes = new ArrayList<>();
        for (SessionRunner runner : runners) {
            if (runner != except && targetName.equals(runner.targetName())) {
                Route route = runner.liveRoute(now);
                if (route != null) {
                    routes.add(route);
                }
            }
        }
        return routes;
    }
}
