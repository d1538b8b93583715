package org.hbateam.driver.iscsi.internal;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.hbateam.driver.iscsi.internal.connection.SessionSettings;
import org.hbateam.driver.iscsi.internal.session.Session;
import org.hbateam.driver.iscsi.internal.session.SessionListener;
import org.hbateam.driver.iscsi.internal.session.SessionRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One adapter's session to one target through one portal, and the paths (one per disk LUN) it carries.
 * Each login scans the LUNs: new disks are published, known ones come UP again, vanished ones and ones
 * whose identity changed are withdrawn. When the session ends its paths go DOWN but stay published.
 */
final class TargetSession implements SessionListener {
    private static final Logger LOG = LoggerFactory.getLogger(TargetSession.class);

    private final SessionSettings settings;
    private final String adapterId;
    private final PathRegistry registry;
    private final SessionRunner runner;
    private final SessionDirectory directory;
    private final Map<Long, Published> paths = new ConcurrentHashMap<>();
    /** Appended to path ids: "" for a session of its own, "/cN" for connection N of a multi-connection session. */
    private final String connectionTag;
    /** Told when the session is up (the leading connection of an MC/S group checks the negotiation); may be null. */
    private final Consumer<Session> onUp;

    private record Published(IscsiPath path, PathRegistry.Registration registration) {
    }

    TargetSession(SessionSettings settings, String adapterId, PathRegistry registry, SessionDirectory directory) {
        this(settings, adapterId, registry, directory, null, "", null);
    }

    /**
     * A connection of a multi-connection session (MC/S) when {@code connectionTag} is not empty: the leading one
     * when {@code membership} is null, else one that joins it.
     */
    TargetSession(SessionSettings settings, String adapterId, PathRegistry registry, SessionDirectory directory,
                  SessionRunner.Membership membership, String connectionTag, Consumer<Session> onUp) {
        this.settings = settings;
        this.adapterId = adapterId;
        this.registry = registry;
        this.directory = directory;
        this.connectionTag = connectionTag;
        this.onUp = onUp;
        this.runner = new SessionRunner(settings, this, directory, membership);
    }

    /** The runner that keeps this session (or connection) up. */
    SessionRunner runner() {
        return runner;
    }

    void start() {
        directory.add(runner);
        runner.start();
    }

    /** Logs out, fails what is held with PATH_REMOVED and withdraws every path. */
    void stop() {
        stopRunner();
        withdraw();
    }

    /**
     * Logs out and fails what is held with PATH_REMOVED, but keeps the paths published (DOWN): a command that waits for
     * its fence on one of them is retried elsewhere once the fence closes, where a withdrawn path would fail it.
     */
    void stopRunner() {
        runner.stop(2000);
        directory.remove(runner);
    }

    /** Withdraws every path. */
    void withdraw() {
        paths.values().forEach(p -> p.registration().unregister());
        paths.clear();
    }

    void tick(long nowNanos) {
        runner.tick(nowNanos);
    }

    /** The published paths, for tests and status. */
    List<IscsiPath> paths() {
        return paths.values().stream().map(Published::path).toList();
    }

    @Override
    public void sessionUp(Session session) {
        LOG.info("{}: logged in (TSIH {}, CID {}, {})", settings.name(), session.tsih(), session.cid(), session.parameters());
        if (onUp != null) {
            onUp.accept(session);
        }
        LunScanner.scan(session, settings.targetName()).whenComplete((found, error) -> {
            if (runner.current() != session) {
                return; // that session already ended; the next login scans again
            }
            if (error != null) {
                LOG.warn("{}: LUN discovery failed: {}", settings.name(), error.getMessage());
            } else {
                publish(session, found);
            }
        });
    }

    private void publish(Session session, List<LunScanner.Found> found) {
        String sessionId = HexFormat.of().formatHex(settings.isid()) + ":" + String.format("%04x", session.tsih());
        for (LunScanner.Found disk : found) {
            Published known = paths.get(disk.lun());
            if (known != null && !known.path().luIdentity().equals(disk.luIdentity())) {
                LOG.warn("{}: LUN {} changed identity to {}; republishing", settings.name(), disk.lun(), disk.luIdentity());
                known.registration().unregister();
                paths.remove(disk.lun());
                known = null;
            }
            if (known == null) {
                IscsiPath path = new IscsiPath(pathId(disk.lun()), adapterId, settings.targetName(), disk.lun(),
                        disk.luIdentity(), disk.luDesignator(), sessionId);
                path.attach(session, sessionId);
                paths.put(disk.lun(), new Published(path, registry.register(path, path.properties())));
                LOG.info("{}: path {} published for {} ({})", settings.name(), path.id(), disk.luIdentity(), disk.capacity());
            } else if (known.path().attach(session, sessionId)) {
                known.registration().update(known.path().properties());
            }
        }
        paths.keySet().removeIf(lun -> {
            boolean gone = found.stream().noneMatch(d -> d.lun() == lun);
            if (gone) {
                paths.get(lun).registration().unregister();
            }
            return gone;
        });
    }

    private String pathId(long lun) {
        return "iscsi:" + adapterId + ":" + settings.portal() + ":" + settings.targetName() + ":" + lun + connectionTag;
    }

    @Override
    public void sessionDown(Session session, String reason) {
        paths.values().forEach(p -> p.path().detach(reason));
    }
}
