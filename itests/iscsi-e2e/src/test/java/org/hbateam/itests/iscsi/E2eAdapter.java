package org.hbateam.itests.iscsi;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.hbateam.api.path.DataPath;
import org.hbateam.api.path.PathState;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.driver.iscsi.internal.Adapter;
import org.hbateam.driver.iscsi.internal.AdapterSettings;
import org.hbateam.driver.iscsi.internal.FutureCallback;
import org.hbateam.driver.iscsi.internal.IscsiPath;
import org.hbateam.driver.iscsi.internal.PathRegistry;
import org.hbateam.driver.iscsi.internal.SessionDirectory;
import org.hbateam.driver.iscsi.internal.login.ChapCredentials;
import org.hbateam.driver.iscsi.internal.login.Portal;
import org.hbateam.driver.iscsi.internal.login.Proposal;
import org.hbateam.driver.iscsi.internal.mcs.GroupConnection;
import org.hbateam.test.direct.DirectFailover;
import org.hbateam.testbed.TestBed;

/**
 * One driver adapter bound to a bed path's host address, logged in through that path's portal, with a
 * registry that records what is published and a listener that records state changes. Waits are hang
 * guards; the tests assert on outcomes.
 */
final class E2eAdapter implements AutoCloseable {
    static final long GUARD_SECONDS = 30;

    /** Why a connection-based adapter fell back to one session per adapter, as the health check would say it. */
    final List<String> fallbacks = new CopyOnWriteArrayList<>();

    final Adapter adapter;
    final BlockingQueue<IscsiPath> published = new LinkedBlockingQueue<>();
    final BlockingQueue<PathState> states = new LinkedBlockingQueue<>();

    E2eAdapter(TestBed bed, int path, Proposal proposal, ChapCredentials chap, boolean discovery, int nopIntervalMs,
               int nopTimeoutMs) {
        this(AdapterSettings.builder("e2e" + path, "iqn.2026-01.org.hbateam:e2e", List.of(Portal.parse(bed.portal(path).toString())))
                .localAddress(new InetSocketAddress(bed.hostAddress(path), 0))
                .targets(discovery ? List.of() : List.of(bed.targetIqn())).chap(chap).proposal(proposal)
                .loginTimeoutMs(5000).nop(nopIntervalMs, nopTimeoutMs).reconnect(200, 1000).build(), null, new SessionDirectory());
    }

    /**
     * An adapter with the driver's default timeouts (login, NOP, task management, reconnect) whose paths are also
     * handed to {@code failover}, as the OSGi registry would hand the path services to the failover service; the
     * adapters of one team share {@code sessions}.
     */
    E2eAdapter(TestBed bed, int path, DirectFailover failover, SessionDirectory sessions) {
        this(AdapterSettings.builder("team" + path, "iqn.2026-01.org.hbateam:e2e-team", List.of(Portal.parse(bed.portal(path).toString())))
                .localAddress(new InetSocketAddress(bed.hostAddress(path), 0)).targets(List.of(bed.targetIqn())).build(),
                failover, sessions);
    }

    /**
     * A connection-based (MC/S) adapter over the bed's paths 1 to {@code links}: one session whose connection i comes
     * from path i's host address to path i's portal, its paths carrying adapter id {@code mcsI}, with the driver's
     * default timeouts; paths are handed to {@code failover}.
     */
    static E2eAdapter connectionBased(TestBed bed, int links, DirectFailover failover, SessionDirectory sessions) {
        List<Portal> portals = new ArrayList<>();
        List<GroupConnection> connections = new ArrayList<>();
        for (int path = 1; path <= links; path++) {
            portals.add(Portal.parse(bed.portal(path).toString()));
            connections.add(new GroupConnection("mcs" + path, new InetSocketAddress(bed.hostAddress(path), 0)));
        }
        Proposal defaults = Proposal.defaults();
        Proposal proposal = new Proposal(defaults.headerDigest(), defaults.dataDigest(),
                defaults.maxRecvDataSegmentLength(), defaults.maxBurstLength(), defaults.firstBurstLength(),
                defaults.initialR2T(), defaults.immediateData(), links);
        return new E2eAdapter(AdapterSettings.builder("mcs", "iqn.2026-01.org.hbateam:e2e-mcs", portals)
                .targets(List.of(bed.targetIqn())).proposal(proposal).connections(connections).build(), failover, sessions);
    }

    private E2eAdapter(AdapterSettings settings, DirectFailover failover, SessionDirectory directory) {
        PathRegistry registry = (p, properties) -> {
            IscsiPath iscsiPath = (IscsiPath) p;
            iscsiPath.addStateListener((DataPath changed, PathState state, String reason) -> states.add(state));
            published.add(iscsiPath);
            if (failover != null) {
                failover.addPath(p, properties);
            }
            return new PathRegistry.Registration() {
                @Override
                public void update(Map<String, Object> newProperties) {
                    if (failover != null) {
                        failover.updatePath(p, newProperties);
                    }
                }

                @Override
                public void unregister() {
                    if (failover != null) {
                        failover.removePath(p);
                    }
                }
            };
        };
        this.adapter = new Adapter(settings, registry, directory, fallbacks::add);
        adapter.start();
    }

    E2eAdapter(TestBed bed, int path, Proposal proposal) {
        this(bed, path, proposal, ChapCredentials.none(), false, 1000, 3000);
    }

    /** The path of LUN {@code lun}; waits for it to be published. */
    IscsiPath path(long lun) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
        while (System.nanoTime() < end) {
            for (IscsiPath p : adapter.paths()) {
                if (p.lun() == lun) {
                    return p;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("LUN " + lun + " was not published within " + GUARD_SECONDS + " s");
    }

    /** The next state change of any path. */
    PathState nextState() throws InterruptedException {
        PathState state = states.poll(GUARD_SECONDS, TimeUnit.SECONDS);
        if (state == null) {
            throw new AssertionError("no path state change within " + GUARD_SECONDS + " s");
        }
        return state;
    }

    static ScsiResult run(DataPath path, ScsiCommand command) throws Exception {
        FutureCallback callback = new FutureCallback();
        path.submit(command, callback);
        return callback.await(TimeUnit.SECONDS.toMillis(GUARD_SECONDS));
    }

    /** Runs a command, retrying the UNIT ATTENTION a new session reports first. */
    static ScsiResult runPastUnitAttention(DataPath path, ScsiCommand command) throws Exception {
        ScsiResult result = run(path, command);
        for (int i = 0; i < 5 && result.isUnitAttention(); i++) {
            result = run(path, command);
        }
        return result;
    }

    static ScsiResult write(DataPath path, long lba, byte[] data) throws Exception {
        return runPastUnitAttention(path, ScsiCommand.write(Cdb.write16(lba, data.length / 512), ByteBuffer.wrap(data)));
    }

    static ScsiResult read(DataPath path, long lba, byte[] into) throws Exception {
        return runPastUnitAttention(path, ScsiCommand.read(Cdb.read16(lba, into.length / 512), ByteBuffer.wrap(into)));
    }

    @Override
    public void close() {
        adapter.stop();
    }
}
