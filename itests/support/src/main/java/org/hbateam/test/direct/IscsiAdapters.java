package org.hbateam.test.direct;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.hbateam.api.path.DataPath;
import org.hbateam.driver.iscsi.internal.Adapter;
import org.hbateam.driver.iscsi.internal.AdapterSettings;
import org.hbateam.driver.iscsi.internal.PathRegistry;
import org.hbateam.driver.iscsi.internal.SessionDirectory;
import org.hbateam.driver.iscsi.internal.login.Portal;
import org.hbateam.driver.iscsi.internal.login.Proposal;
import org.hbateam.driver.iscsi.internal.mcs.GroupConnection;

/**
 * Real iSCSI driver adapters, logged in with the driver's default settings, every published path handed to a
 * {@link DirectFailover} as the OSGi registry would: one adapter per portal, each bound to its own local address
 * (session-based teaming), or one connection-based (MC/S) adapter whose connections span them. The adapters share
 * one session directory, as the adapters of one framework do: a live session fences a dead one.
 */
public final class IscsiAdapters implements AutoCloseable {
    private static final long LOGIN_GUARD_NANOS = TimeUnit.SECONDS.toNanos(30);
    private final List<Adapter> adapters = new ArrayList<>();
    private final SessionDirectory directory = new SessionDirectory();
    /** The number of paths of one LUN that {@link #awaitPaths} waits for: one per portal. */
    private final int expected;

    /**
     * Starts adapter {@code namePrefix + (i + 1)} from {@code localAddresses.get(i)} to {@code portals.get(i)} and
     * target {@code targetIqn}, for each i.
     */
    public IscsiAdapters(String namePrefix, String initiatorName, List<InetSocketAddress> localAddresses,
                         List<Portal> portals, String targetIqn, DirectFailover failover) {
        this.expected = portals.size();
        for (int i = 0; i < portals.size(); i++) {
            start(AdapterSettings.builder(namePrefix + (i + 1), initiatorName, List.of(portals.get(i)))
                    .localAddress(localAddresses.get(i)).targets(List.of(targetIqn)).build(), failover);
        }
    }

    private IscsiAdapters(AdapterSettings connectionBased, DirectFailover failover) {
        this.expected = connectionBased.connections().size();
        start(connectionBased, failover);
    }

    /**
     * One connection-based (MC/S) adapter {@code name}: one session per target whose connection i runs from
     * {@code localAddresses.get(i)} to {@code portals.get(i)}, its paths carrying adapter id
     * {@code name + (i + 1)}. The target must accept that many connections.
     */
    public static IscsiAdapters connectionBased(String name, String initiatorName, List<InetSocketAddress> localAddresses,
                                                List<Portal> portals, String targetIqn, DirectFailover failover) {
        List<GroupConnection> connections = new ArrayList<>();
        for (int i = 0; i < portals.size(); i++) {
            connections.add(new GroupConnection(name + (i + 1), localAddresses.get(i)));
        }
        Proposal d = Proposal.defaults();
        Proposal proposal = new Proposal(d.headerDigest(), d.dataDigest(), d.maxRecvDataSegmentLength(), d.maxBurstLength(),
                d.firstBurstLength(), d.initialR2T(), d.immediateData(), connections.size());
        return new IscsiAdapters(AdapterSettings.builder(name, initiatorName, portals).targets(List.of(targetIqn))
                .proposal(proposal).connections(connections).build(), failover);
    }

    /** Waits until one path per portal has published LUN {@code lun}; returns them in adapter-id order. */
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

    private void start(AdapterSettings settings, DirectFailover failover) {
        Adapter adapter = new Adapter(settings, registry(failover), directory);
        adapters.add(adapter);
        adapter.start();
    }
}
