package org.hbateam.driver.iscsi.internal;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.hbateam.api.path.DataPath;
import org.hbateam.driver.iscsi.internal.login.ChapCredentials;
import org.hbateam.driver.iscsi.internal.login.Portal;
import org.hbateam.driver.iscsi.internal.login.Proposal;
import org.hbateam.driver.iscsi.internal.mcs.GroupConnection;
import org.hbateam.failover.internal.FailoverForE2e;
import org.hbateam.testbed.TestBed;

/**
 * One driver adapter per bed path, each bound to its path's host address and logged in to its portal with the
 * driver's default settings, every published path handed to a failover service as the OSGi registry would.
 */
public final class BenchAdapters implements AutoCloseable {
    private static final long LOGIN_GUARD_NANOS = TimeUnit.SECONDS.toNanos(30);
    private final List<Adapter> adapters = new ArrayList<>();
    /** One directory for the team's adapters: each adapter's live session is a route that fences the others'. */
    private final SessionDirectory directory = new SessionDirectory();

    /** The number of paths of one LUN that {@link #awaitPaths} waits for: one per bed path. */
    private final int expected;

    /** Starts adapters on bed paths {@code bedPaths} (1-based), feeding {@code failover}. */
    public BenchAdapters(TestBed bed, String prefix, List<Integer> bedPaths, FailoverForE2e failover) {
        this.expected = bedPaths.size();
        for (int path : bedPaths) {
            AdapterSettings settings = new AdapterSettings(prefix + path, new InetSocketAddress(bed.hostAddress(path), 0),
                    "iqn.2026-01.org.hbateam:bench-" + prefix, List.of(Portal.parse(bed.portal(path).toString())),
                    List.of(bed.targetIqn()), ChapCredentials.none(), Proposal.defaults(), 10000, 1000, 2000, 10000, 1000, 1000);
            Adapter adapter = new Adapter(settings, registry(failover), directory);
            adapters.add(adapter);
            adapter.start();
        }
    }

    /**
     * One connection-based (MC/S) adapter instead: one session whose connection i runs from bed path i's host address
     * to its portal, with adapter id {@code prefix + i} on its paths. The bed needs MaxConnections of at least that.
     */
    private BenchAdapters(TestBed bed, String prefix, List<Integer> bedPaths, FailoverForE2e failover, boolean mcs) {
        this.expected = bedPaths.size();
        List<Portal> portals = new ArrayList<>();
        List<GroupConnection> connections = new ArrayList<>();
        for (int path : bedPaths) {
            portals.add(Portal.parse(bed.portal(path).toString()));
            connections.add(new GroupConnection(prefix + path, new InetSocketAddress(bed.hostAddress(path), 0)));
        }
        Proposal d = Proposal.defaults();
        Proposal proposal = new Proposal(d.headerDigest(), d.dataDigest(), d.maxRecvDataSegmentLength(), d.maxBurstLength(),
                d.firstBurstLength(), d.initialR2T(), d.immediateData(), connections.size());
        AdapterSettings settings = new AdapterSettings(prefix, null, "iqn.2026-01.org.hbateam:bench-" + prefix, portals,
                List.of(bed.targetIqn()), ChapCredentials.none(), proposal, 10000, 1000, 2000, 10000, 1000, 1000, connections);
        Adapter adapter = new Adapter(settings, registry(failover), directory);
        adapters.add(adapter);
        adapter.start();
    }

    /** A connection-based (MC/S) adapter over bed paths {@code bedPaths}, feeding {@code failover}. */
    public static BenchAdapters connectionBased(TestBed bed, String prefix, List<Integer> bedPaths, FailoverForE2e failover) {
        return new BenchAdapters(bed, prefix, bedPaths, failover, true);
    }

    /** Waits until one path per bed path has published LUN {@code lun}; returns them in bed-path (adapter id) order. */
    public List<DataPath> awaitPaths(long lun) throws InterruptedException {
        long end = System.nanoTime() + LOGIN_GUARD_NANOS;
        while (System.nanoTime() < end) {
            List<DataPath> found = new ArrayList<>();
            adapters.forEach(a -> a.paths().stream().filter(p -> p.lun() == lun).forEach(found::add));
            if (found.size() >= expected) {
                found.sort(Comparator.comparing(DataPath::adapterId));
                return found;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("fewer than " + expected + " paths of LUN " + lun + " were published within 30 s");
    }

    @Override
    public void close() {
        adapters.forEach(Adapter::stop);
    }

    private static PathRegistry registry(FailoverForE2e failover) {
        return (path, properties) -> {
            failover.addPath(path, properties);
            return new PathRegistry.Registration() {
                @Override
                public void update(Map<String, Object> newProperties) {
                    failover.updatePath(path, newProperties);
                }

                @Override
                public void unregister() {
                    failover.removePath(path);
                }
            };
        };
    }
}
