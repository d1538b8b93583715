package org.hbateam.itests.iscsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;
import org.hbateam.balancer.static_.internal.StaticBalancerFactory;
import org.hbateam.driver.iscsi.internal.IscsiPath;
import org.hbateam.driver.iscsi.internal.SessionDirectory;
import org.hbateam.failover.admin.PathStatus;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.test.direct.DirectFailover;
import org.hbateam.testbed.TestBed;

/**
 * A real two-path team on a bed: the failover service (with the static balancer) fed by two iSCSI adapters, one
 * per portal, and the views of a path a test watches: the driver's state and the failover service's verdict.
 */
final class E2eTeam implements AutoCloseable {
    final DirectFailover failover;
    final E2eAdapter first;
    final E2eAdapter second;
    final IscsiPath one;
    final IscsiPath two;
    final Team team;

    /** The team of a 2-path bed, with the failover service's {@code settings}. */
    E2eTeam(TestBed bed, FailoverSettings settings) throws Exception {
        this.failover = new DirectFailover(settings);
        // What DS gives every iSCSI adapter of one framework: the adapters of a team share their sessions, so that
        // one adapter's live session can fence another's dead one.
        SessionDirectory sessions = new SessionDirectory();
        E2eAdapter adapter1 = null;
        E2eAdapter adapter2 = null;
        try {
            adapter1 = new E2eAdapter(bed, 1, failover, sessions);
            adapter2 = new E2eAdapter(bed, 2, failover, sessions);
            failover.useBalancer(new StaticBalancerFactory(), "static");
            this.one = adapter1.path(1);
            this.two = adapter2.path(1);
            this.team = failover.team(one.luIdentity());
        } catch (Exception | AssertionError e) {
            closeQuietly(adapter2, e);
            closeQuietly(adapter1, e);
            closeQuietly(failover, e);
            throw e;
        }
        this.first = adapter1;
        this.second = adapter2;
        assertEquals(2, team.paths().size(), "both portals' paths joined one team: " + team.paths());
    }

    /** The team's snapshot of {@code path}. */
    PathInfo info(IscsiPath path) {
        return team.paths().stream().filter(p -> p.pathId().equals(path.id())).findFirst()
                .orElseThrow(() -> new AssertionError("the team lost path " + path.id() + ": " + team.paths()));
    }

    boolean usable(IscsiPath path) {
        return failover.status(team.name(), path.id()).usable();
    }

    /** What a watcher compares: the driver's state and whether the failover service lets the path carry I/O. */
    String view(IscsiPath path) {
        PathStatus status = failover.status(team.name(), path.id());
        return "driver " + path.state() + ", team " + (status.usable() ? "usable" : "held out");
    }

    /** Waits until {@code path} is usable and has completed {@code commands} more; asserts that it did. */
    void awaitCarrying(IscsiPath path, long commands, String what) throws InterruptedException {
        long target = info(path).commands() + commands;
        waitFor(what, () -> usable(path) && info(path).commands() >= target);
    }

    /** Polls a condition; the guard only prevents a hang, the assertion is on the condition. */
    static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(E2eAdapter.GUARD_SECONDS);
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    @Override
    public void close() {
        try (DirectFailover f = failover; E2eAdapter a1 = first; E2eAdapter a2 = second) {
            // Closed in reverse order: adapters first, so their paths leave the service before it stops.
        }
    }

    private static void closeQuietly(AutoCloseable resource, Throwable cause) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }
}
