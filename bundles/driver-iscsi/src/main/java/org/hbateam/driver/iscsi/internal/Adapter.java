package org.hbateam.driver.iscsi.internal;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.hbateam.driver.iscsi.internal.connection.Connector;
import org.hbateam.driver.iscsi.internal.connection.RetryLog;
import org.hbateam.driver.iscsi.internal.connection.SendTargets;
import org.hbateam.driver.iscsi.internal.connection.SessionSettings;
import org.hbateam.driver.iscsi.internal.login.Portal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running software iSCSI adapter: a {@link TargetSession} per portal and target (session-based
 * teaming), SendTargets discovery for portals without configured targets, and one timer thread that
 * drives login deadlines and NOP pings for all its sessions.
 */
public final class Adapter {
    private static final Logger LOG = LoggerFactory.getLogger(Adapter.class);

    private final AdapterSettings settings;
    private final PathRegistry registry;
    private final SessionDirectory directory;
    /** Where connection groups report a fall back to one session per adapter. */
    private final Consumer<String> fallbacks;
    private final List<TargetSession> sessions = new CopyOnWriteArrayList<>();
    private final List<Thread> discoveries = new ArrayList<>();
    private final List<GroupTarget> groups = new CopyOnWriteArrayList<>();
    private final List<Connector> discoveryConnectors = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;
    private volatile boolean stopped;

    /** Not started yet; the adapters of one team share {@code directory}, so that a live session fences a dead one. */
    public Adapter(AdapterSettings settings, PathRegistry registry, SessionDirectory directory) {
        this(settings, registry, directory, reason -> { });
    }

    /** {@code fallbacks} hears why a connection group fell back to one session per adapter. */
    public Adapter(AdapterSettings settings, PathRegistry registry, SessionDirectory directory,
            Consumer<String> fallbacks) {
        this.settings = settings;
        this.registry = registry;
        this.directory = directory;
        this.fallbacks = fallbacks;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "iscsi-" + settings.name() + "-timer");
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        long tick = Math.max(20, Math.min(settings.nopIntervalMs(), Math.min(settings.nopTimeoutMs(), settings.loginTimeoutMs())) / 4);
        timer.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
        for (Portal portal : settings.portals()) {
            if (settings.connectionBased()) {
                break; // one group per target spans all portals, started below
            }
            if (settings.targets().isEmpty()) {
                Thread discovery = new Thread(() -> discover(portal), "iscsi-" + settings.name() + "-discovery-" + portal);
                discovery.setDaemon(true);
                discoveries.add(discovery);
                discovery.start();
            } else {
                settings.targets().forEach(target -> addSession(portal, target));
            }
        }
        if (settings.connectionBased()) {
            settings.targets().forEach(target -> {
                GroupTarget group = new GroupTarget(this, settings, target, fallbacks);
                groups.add(group);
                group.start();
            });
        }
    }

    private void tick() {
        long now = System.nanoTime();
        for (TargetSession session : sessions) {
            session.tick(now);
        }
        for (Connector connector : discoveryConnectors) {
            connector.tick(now);
        }
    }

    /** Asks the portal for its targets until it answers, then logs in to each. */
    private void discover(Portal portal) {
        Connector connector = new Connector();
        discoveryConnectors.add(connector);
        try {
            discoverWith(connector, portal);
        } finally {
            discoveryConnectors.remove(connector);
        }
    }

    private void discoverWith(Connector connector, Portal portal) {
        long delay = Math.min(settings.reconnectDelayMs(), settings.reconnectMaxDelayMs());
        RetryLog failures = new RetryLog(LOG, settings.name(), "SendTargets discovery at " + portal);
        while (!stopped) {
            try {
                List<String> targets = SendTargets.discover(sessionSettings(portal, null), connector);
                failures.succeeded();
                LOG.info("{}: SendTargets at {} found {}", settings.name(), portal, targets);
                targets.forEach(target -> addSession(portal, target));
                return;
            } catch (Exception e) {
                failures.failed(String.valueOf(e.getMessage()), System.nanoTime());
            }
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                return;
            }
            delay = Math.min(delay * 2, settings.reconnectMaxDelayMs());
        }
    }

    private void addSession(Portal portal, String target) {
        start(new TargetSession(sessionSettings(portal, target), settings.name(), registry, directory));
    }

    /** Starts {@code session} unless the adapter has stopped; false then. */
    synchronized boolean start(TargetSession session) {
        if (stopped) {
            return false;
        }
        sessions.add(session);
        session.start();
        return true;
    }

    /** Stops {@code session}'s runner for good and forgets it; its paths stay published until it withdraws them. */
    void retire(TargetSession session) {
        sessions.remove(session);
        session.stopRunner();
    }

    PathRegistry registry() {
        return registry;
    }

    SessionDirectory directory() {
        return directory;
    }

    SessionSettings sessionSettings(Portal portal, String target) {
        String name = settings.name() + "/" + portal + (target == null ? "/discovery" : "/" + target);
        return sessionSettings(name, settings.localAddress(), portal, target, isid(settings.name(), portal, target));
    }

    /** A session from {@code localAddress} to {@code portal} with this adapter's credentials, proposal and timing. */
    SessionSettings sessionSettings(String name, InetSocketAddress localAddress, Portal portal, String target, byte[] isid) {
        return new SessionSettings(name, localAddress, portal, settings.initiatorName(), target, isid, settings.chap(),
                settings.proposal(), settings.loginTimeoutMs(), settings.nopIntervalMs(), settings.nopTimeoutMs(),
                settings.taskManagementTimeoutMs(), settings.reconnectDelayMs(), settings.reconnectMaxDelayMs());
    }

    /**
     * A stable ISID of the random format (RFC 7143 11.12.5: type 10b), derived from the initiator, adapter (or a
     * connection group member's adapter id), portal and target, so that a restarted driver reinstates its own
     * sessions instead of adding new ones.
     */
    byte[] isid(String adapterName, Portal portal, String target) {
        String key = settings.initiatorName() + "|" + adapterName + "|" + portal + "|" + target;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            byte[] isid = Arrays.copyOf(hash, 6);
            isid[0] = (byte) 0x80;
            return isid;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256, which every Java platform must provide", e);
        }
    }

    /** The paths of all sessions, for tests and status. */
    public List<IscsiPath> paths() {
        List<IscsiPath> all = new ArrayList<>();
        sessions.forEach(s -> all.addAll(s.paths()));
        return all;
    }

    /** Stops discovery, logs every session out and withdraws every path; returns when all threads ended. */
    public void stop() {
        synchronized (this) {
            stopped = true;
        }
        for (Thread discovery : discoveries) {
            discovery.interrupt();
        }
        for (Thread discovery : discoveries) {
            try {
                discovery.join(settings.loginTimeoutMs() + 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sessions.forEach(TargetSession::stop);
        groups.forEach(GroupTarget::stopped);
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
