package org.hbateam.driver.iscsi.internal;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.hbateam.api.path.DataPath;
import org.hbateam.driver.iscsi.internal.login.ChapCredentials;
import org.hbateam.driver.iscsi.internal.login.Portal;
import org.hbateam.driver.iscsi.internal.login.Proposal;
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

    /** Starts adapters on bed paths {@code bedPaths} (1-based), feeding {@code failover}. */
    public BenchAdapters(TestBed bed, String prefix, List<Integer> bedPaths, FailoverForE2e failover) {
        for (int path : bedPaths) {
            AdapterSettings settings = new AdapterSettings(prefix + path, new InetSocketAddress(bed.hostAddress(path), 0),
                    "iqn.2026-01.org.hbateam:bench-" + prefix, List.of(Portal.parse(bed.portal(path).toString())),
                    List.of(bed.targetIqn()), ChapCredentials.none(), Proposal.defaults(), 10000, 1000, 2000, 10000, 1000, 1000);
            Adapter adapter = new Adapter(settings, registry(failover), directory);
            adapters.add(adapter);
            adapter.start();
        }
    }

    /** Waits until every adapter has published LUN {@code lun}; returns the paths in bed-path order. */
    public List<DataPath> awaitPaths(long lun) throws InterruptedException {
        List<DataPath> found = new ArrayList<>();
        long end = System.nanoTime() + LOGIN_GUARD_NANOS;
        for (Adapter adapter : adapters) {
            DataPath path = null;
            while (path == null && System.nanoTime() < end) {
                path = adapter.paths().stream().filter(p -> p.lun() == lun).findFirst().orElse(null);
                if (path == null) {
                    Thread.sleep(10);
                }
            }
            if (path == null) {
                throw new IllegalStateException("an adapter did not publish LUN " + lun + " within 30 s");
            }
            found.add(path);
        }
        return found;
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
