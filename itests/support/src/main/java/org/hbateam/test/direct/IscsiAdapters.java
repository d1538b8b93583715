package org.hbateam.test.direct;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.hbateam.api.path.DataPath;
import org.hbateam.driver.iscsi.internal.Adapter;
import org.hbateam.driver.iscsi.internal.AdapterSettings;
import org.hbateam.driver.iscsi.internal.PathRegistry;
import org.hbateam.driver.iscsi.internal.SessionDirectory;
import org.hbateam.driver.iscsi.internal.login.Portal;

/**
 * Real iSCSI driver adapters, one per portal, each bound to its own local address, logged in with the driver's
 * default settings, and every published path handed to a {@link DirectFailover} as the OSGi registry would. The
 * adapters share one session directory, as the adapters of one framework do: a live session fences a dead one.
 */
public final class IscsiAdapters implements AutoCloseable {
    private static final long LOGIN_GUARD_NANOS = TimeUnit.SECONDS.toNanos(30);
    private final List<Adapter> adapters = new ArrayList<>();
    private final SessionDirectory directory = new SessionDirectory();

    /**
     * Starts adapter {@code namePrefix + (i + 1)} from {@code localAddresses.get(i)} to {@code portals.get(i)} and
     * target {@code targetIqn}, for each i.
     */
    public IscsiAdapters(String namePrefix, String initiatorName, List<InetSocketAddress> localAddresses,
                         List<Portal> portals, String targetIqn, DirectFailover failover) {
        for (int i = 0; i < portals.size(); i++) {
            AdapterSettings settings = AdapterSettings.builder(namePrefix + (i + 1), initiatorName, List.of(portals.get(i)))
                    .localAddress(localAddresses.get(i)).targets(List.of(targetIqn)).build();
            Adapter adapter = new Adapter(settings, registry(failover), directory);
            adapters.add(adapter);
            adapter.start();
        }
    }

    /** Waits until every adapter has published LUN {@code lun}; returns the paths in adapter order. */
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

    /** Logs every adapter out; their paths leave the failover service. */
    @Override
    public void close() {
        adapters.forEach(Adapter::stop);
    }

    /** Hands what an adapter publishes to {@code failover}, as the OSGi registry hands services to DS. */
    public static PathRegistry registry(DirectFailover failover) {
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
