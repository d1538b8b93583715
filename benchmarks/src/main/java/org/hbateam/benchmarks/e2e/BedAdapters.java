package org.hbateam.benchmarks.e2e;

import java.net.InetSocketAddress;
import java.util.List;

import org.hbateam.driver.iscsi.internal.login.Portal;
import org.hbateam.test.direct.DirectFailover;
import org.hbateam.test.direct.IscsiAdapters;
import org.hbateam.testbed.TestBed;

/** The driver's adapters on bed paths: each from its path's host address to its path's portal. */
final class BedAdapters {
    private BedAdapters() {
    }

    /** Adapters {@code prefix + 1, 2, ...} on bed paths {@code bedPaths} (1-based), feeding {@code failover}. */
    static IscsiAdapters start(TestBed bed, String prefix, List<Integer> bedPaths, DirectFailover failover) {
        List<InetSocketAddress> locals = bedPaths.stream().map(p -> new InetSocketAddress(bed.hostAddress(p), 0)).toList();
        List<Portal> portals = bedPaths.stream().map(p -> Portal.parse(bed.portal(p).toString())).toList();
        return new IscsiAdapters(prefix, "iqn.2026-01.org.hbateam:bench-" + prefix, locals, portals, bed.targetIqn(), failover);
    }

    /** One connection-based (MC/S) adapter {@code name} with a connection over each of {@code bedPaths}, feeding {@code failover}. */
    static IscsiAdapters connectionBased(TestBed bed, String name, List<Integer> bedPaths, DirectFailover failover) {
        List<InetSocketAddress> locals = bedPaths.stream().map(p -> new InetSocketAddress(bed.hostAddress(p), 0)).toList();
        List<Portal> portals = bedPaths.stream().map(p -> Portal.parse(bed.portal(p).toString())).toList();
        return IscsiAdapters.connectionBased(name, "iqn.2026-01.org.hbateam:bench-" + name, locals, portals, bed.targetIqn(),
                failover);
    }
}
