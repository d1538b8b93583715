package org.hbateam.itests.iscsi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;
import org.hbateam.balancer.static_.internal.StaticBalancerFactory;
import org.hbateam.test.direct.DirectFailover;
import org.hbateam.driver.iscsi.internal.IscsiPath;
import org.hbateam.driver.iscsi.internal.SessionDirectory;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.testbed.TestBed;

/**
 * A real connection-based team on a bed: the failover service (static balancer) fed by one MC/S adapter whose
 * session has one connection per bed path, each connection a path of the team.
 */
final class E2eMcsTeam implements AutoCloseable {
    final DirectFailover failover;
    final E2eAdapter adapter;
    /** The team's paths at the start, by connection: index 0 is CID 1 over bed path 1. */
    final List<IscsiPath> paths;
    final Team team;

    E2eMcsTeam(TestBed bed, int links, FailoverSettings settings) throws Exception {
        this.failover = new DirectFailover(settings);
        E2eAdapter started = null;
        try {
            started = E2eAdapter.connectionBased(bed, links, failover, new SessionDirectory());
            failover.useBalancer(new StaticBalancerFactory(), "static");
            List<IscsiPath> published = new ArrayList<>();
            for (int i = 0; i < links; i++) {
                published.add(started.published.poll(E2eAdapter.GUARD_SECONDS, TimeUnit.SECONDS));
            }
            if (published.contains(null)) {
                throw new AssertionError("not every connection published its path: " + published);
            }
            published.sort(Comparator.comparing(IscsiPath::adapterId));
            this.paths = List.copyOf(published);
            String lu = paths.get(0).luIdentity();
            // the registry hands a path to the failover service just after the test sees it published
            E2eTeam.waitFor("a team formed for " + lu, () -> {
                try {
                    return failover.team(lu) != null;
                } catch (IllegalStateException notYet) {
                    return false;
                }
            });
            this.team = failover.team(lu);
        } catch (Exception | AssertionError e) {
            if (started != null) {
                started.close();
            }
            failover.close();
            throw e;
        }
        this.adapter = started;
        E2eTeam.waitFor("every connection's path joined one team: " + team.paths(), () -> team.paths().size() == links);
    }

    /** The TSIH of the session the path belongs to, from its session id (ISID:TSIH in hex). */
    static int tsih(IscsiPath path) {
        String id = path.sessionId();
        return Integer.parseInt(id.substring(id.indexOf(':') + 1), 16);
    }

    /**
     * The target's view of the connections from the bed's host addresses of paths 1 to {@code links}: the TSIH and CID
     * of each, by address, as {@code bed status} reads them with {@code tgtadm --op show --mode conn}.
     */
    static Map<String, String> targetConnections(TestBed bed, int links) {
        Map<String, String> byAddress = new TreeMap<>();
        String connections = bed.status().find("TARGET_CONNECTIONS").orElse("");
        for (String entry : connections.split(",")) {
            int at = entry.indexOf('@');
            for (int path = 1; path <= links && at > 0; path++) {
                if (entry.substring(at + 1).equals(bed.hostAddress(path))) {
                    byAddress.put(entry.substring(at + 1), entry.substring(0, at));
                }
            }
        }
        return byAddress;
    }

    PathInfo info(IscsiPath path) {
        return team.paths().stream().filter(p -> p.pathId().equals(path.id())).findFirst()
                .orElseThrow(() -> new AssertionError("the team lost path " + path.id() + ": " + team.paths()));
    }

    @Override
    public void close() {
        try (DirectFailover f = failover; E2eAdapter a = adapter) {
            // the adapter first, so its paths leave the service before it stops
        }
    }
}
