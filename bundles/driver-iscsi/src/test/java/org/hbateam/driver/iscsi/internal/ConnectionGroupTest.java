package org.hbateam.driver.iscsi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.driver.iscsi.internal.fake.FakeTarget;
import org.hbateam.driver.iscsi.internal.login.ChapCredentials;
import org.hbateam.driver.iscsi.internal.login.Portal;
import org.hbateam.driver.iscsi.internal.login.Proposal;
import org.hbateam.driver.iscsi.internal.mcs.GroupConnection;
import org.junit.jupiter.api.Test;

/**
 * A connection-based adapter against the fake target: one session whose two connections come from two local
 * addresses, each a path with its own adapter id and the session's id; and the visible fall back to one session
 * per adapter when the target allows only one connection.
 */
class ConnectionGroupTest {
    private final BlockingQueue<IscsiPath> published = new LinkedBlockingQueue<>();
    private final List<String> fallbacks = new CopyOnWriteArrayList<>();

    private Adapter adapter(FakeTarget target) {
        Portal portal = Portal.parse(target.portal());
        AdapterSettings settings = new AdapterSettings("grp", null, "iqn.2026-01.org.hbateam:test",
                List.of(portal, portal), List.of(FakeTarget.IQN), ChapCredentials.none(),
                new Proposal(false, false, 65536, 262144, 65536, false, true, 2), 3000, 60_000, 60_000, 500, 50, 200,
                List.of(new GroupConnection("hbaA", new InetSocketAddress("127.0.0.1", 0)),
                        new GroupConnection("hbaB", new InetSocketAddress("127.0.0.2", 0))));
        PathRegistry registry = (path, properties) -> {
            published.add((IscsiPath) path);
            return new PathRegistry.Registration() {
                @Override
                public void update(Map<String, Object> newProperties) {
                }

                @Override
                public void unregister() {
                }
            };
        };
        return new Adapter(settings, registry, new SessionDirectory(), fallbacks::add);
    }

    private List<IscsiPath> awaitPaths(int count) throws InterruptedException {
        return awaitPaths(count, path -> true);
    }

    /** The next {@code count} published paths that {@code wanted} accepts, by adapter id. */
    private List<IscsiPath> awaitPaths(int count, java.util.function.Predicate<IscsiPath> wanted) throws InterruptedException {
        List<IscsiPath> paths = new ArrayList<>();
        while (paths.size() < count) {
            IscsiPath path = published.poll(Harness.GUARD_SECONDS, TimeUnit.SECONDS);
            if (path == null) {
                throw new AssertionError("only " + paths + " published within " + Harness.GUARD_SECONDS + " s");
            }
            if (wanted.test(path)) {
                paths.add(path);
            }
        }
        paths.sort((a, b) -> a.adapterId().compareTo(b.adapterId()));
        return paths;
    }

    @Test
    void eachConnectionOfTheSessionIsAPathOfItsAdapter() throws Exception {
        try (FakeTarget target = new FakeTarget()) {
            target.maxConnections = 2;
            Adapter adapter = adapter(target);
            try {
                adapter.start();
                List<IscsiPath> paths = awaitPaths(2);
                assertEquals(List.of("hbaA", "hbaB"), paths.stream().map(IscsiPath::adapterId).toList(),
                        "one path per connection, each with its connection's adapter id");
                assertEquals(paths.get(0).sessionId(), paths.get(1).sessionId(), "both are connections of one session");
                assertTrue(paths.get(0).id().endsWith("/c1") && paths.get(1).id().endsWith("/c2"),
                        "the path ids name the CIDs: " + paths.get(0).id() + ", " + paths.get(1).id());
                assertEquals(2, target.connections().size(), "the target holds two connections in one session");
                byte[] data = new byte[512];
                for (IscsiPath path : paths) {
                    assertEquals(ScsiResult.GOOD, Commands.write(path, 3, data), "I/O flows on " + path.id());
                }
                assertEquals(List.of(), fallbacks, "no fall back");
                assertEquals(List.of(), target.violations, "the target saw nothing unexpected");
            } finally {
                adapter.stop();
            }
        }
    }

    @Test
    void aTargetAllowingOneConnectionMakesTheGroupFallBackToOneSessionPerAdapter() throws Exception {
        try (FakeTarget target = new FakeTarget()) {
            target.maxConnections = 1;
            Adapter adapter = adapter(target);
            try {
                adapter.start();
                // the connection that created the session may publish its path before the fall back replaces it
                List<IscsiPath> paths = awaitPaths(2, path -> !path.id().contains("/c"));
                assertEquals(1, fallbacks.size(), "one fall back reported: " + fallbacks);
                assertTrue(fallbacks.get(0).contains("MaxConnections=1"), "it says why: " + fallbacks);
                assertEquals(List.of("hbaA", "hbaB"), paths.stream().map(IscsiPath::adapterId).toList(),
                        "each adapter still has its path");
                assertNotEquals(paths.get(0).sessionId(), paths.get(1).sessionId(), "now in sessions of their own");
                byte[] data = new byte[512];
                for (IscsiPath path : paths) {
                    assertEquals(ScsiResult.GOOD, Commands.write(path, 5, data), "I/O flows on " + path.id());
                }
            } finally {
                adapter.stop();
            }
        }
    }

    @Test
    void aTargetThatMishandlesTheLogoutOfADeadConnectionMakesTheGroupFallBackWithoutLosingAWrite() throws Exception {
        try (FakeTarget target = new FakeTarget()) {
            target.maxConnections = 2;
            target.logoutClosesCarrier = true;
            Adapter adapter = adapter(target);
            try {
                adapter.start();
                List<IscsiPath> before = awaitPaths(2);
                target.connections().get(2).drop(); // connection 2 dies; its fence goes over connection 1
                List<IscsiPath> after = awaitPaths(2, path -> !path.id().contains("/c"));
                assertEquals(1, fallbacks.size(), "one fall back reported: " + fallbacks);
                assertTrue(fallbacks.get(0).contains("closed CID 1"), "it says what the target did: " + fallbacks);
                assertEquals(List.of("hbaA", "hbaB"), after.stream().map(IscsiPath::adapterId).toList(),
                        "each adapter gets a session of its own");
                assertNotEquals(after.get(0).sessionId(), after.get(1).sessionId(), "two sessions now");
                for (IscsiPath old : before) {
                    old.abort(org.hbateam.api.scsi.ScsiCommand.noData(org.hbateam.api.scsi.Cdb.testUnitReady()))
                            .toCompletableFuture().get(Harness.GUARD_SECONDS, TimeUnit.SECONDS); // fenced, not hanging
                }
                byte[] data = new byte[512];
                for (IscsiPath path : after) {
                    assertEquals(ScsiResult.GOOD, Commands.write(path, 9, data), "I/O flows on " + path.id());
                }
            } finally {
                adapter.stop();
            }
        }
    }
}
