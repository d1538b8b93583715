package org.hbateam.driver.iscsi.internal.mcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.hbateam.api.path.CommandCallback;
import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.driver.iscsi.internal.connection.SessionSettings;
import org.hbateam.driver.iscsi.internal.fake.FakeTarget;
import org.hbateam.driver.iscsi.internal.login.ChapCredentials;
import org.hbateam.driver.iscsi.internal.login.Portal;
import org.hbateam.driver.iscsi.internal.login.Proposal;
import org.hbateam.driver.iscsi.internal.session.Session;
import org.hbateam.driver.iscsi.internal.session.SessionListener;
import org.hbateam.driver.iscsi.internal.session.SessionRunner;
import org.hbateam.driver.iscsi.internal.session.SiblingRoutes;
import org.junit.jupiter.api.Test;

/**
 * A session of two connections (MC/S) in a {@link ConnectionGroup}, against the fake target over real loopback
 * sockets: one connection creates the session, the other joins with its ISID and TSIH and its own CID, both share one
 * CmdSN sequence and window, and a dead connection is fenced by a Logout of its CID over the other one; a target that
 * mishandles that Logout makes the group fall back.
 */
class MultiConnectionSessionTest {
    private static final byte[] ISID = {(byte) 0x80, 9, 8, 7, 6, 5};
    private static final long GUARD_MS = 20_000;

    private final List<SessionRunner> runners = new ArrayList<>();

    private static SessionSettings settings(FakeTarget target, String name) {
        return new SessionSettings(name, null, Portal.parse(target.portal()), "iqn.2026-01.org.hbateam:test",
                FakeTarget.IQN, ISID, ChapCredentials.none(), new Proposal(false, false, 65536, 262144, 65536, false,
                true, 2), 3000, 60_000, 60_000, 5000, 50, 200);
    }

    private static FakeTarget mcsTarget() throws Exception {
        FakeTarget target = new FakeTarget();
        target.maxConnections = 2;
        target.unitAttentionFirst = false;
        target.digests = false;
        target.window = 4; // small, so the window closes and reopens across both connections
        return target;
    }

    private final List<String> fallbacks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ConnectionGroup group = new ConnectionGroup("test", 2, 5000, fallbacks::add);

    /** The runner of connection {@code cid} of the group, started. */
    private SessionRunner connection(FakeTarget target, int cid) {
        SessionRunner runner = new SessionRunner(settings(target, "c" + cid), listener(), SiblingRoutes.NONE,
                group.member(cid));
        group.add(runner);
        return run(runner);
    }

    private SessionRunner run(SessionRunner runner) {
        runners.add(runner);
        runner.start();
        return runner;
    }

    private static Session awaitSession(Supplier<Session> current) throws InterruptedException {
        long deadline = System.currentTimeMillis() + GUARD_MS;
        while (System.currentTimeMillis() < deadline) {
            Session session = current.get();
            if (session != null && session.isOpen()) {
                return session;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no session within " + GUARD_MS + " ms");
    }

    private static void awaitCondition(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + GUARD_MS;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    private static CompletableFuture<Object> write(Session session, long lba) {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        session.submit(0, ScsiCommand.write(Cdb.write16(lba, 1), ByteBuffer.allocate(512)), new CommandCallback() {
            @Override
            public void completed(ScsiCommand command, ScsiResult result) {
                outcome.complete(result);
            }

            @Override
            public void failed(ScsiCommand command, PathException error) {
                outcome.complete(error);
            }
        });
        return outcome;
    }

    private void stopAll() {
        runners.forEach(r -> r.stop(2000));
    }

    @Test
    void twoConnectionsShareOneGapFreeCmdSnSequenceInOrderOnEach() throws Exception {
        try (FakeTarget target = mcsTarget()) {
            try {
                SessionRunner one = connection(target, 1);
                SessionRunner two = connection(target, 2);
                Session first = awaitSession(one::current);
                Session second = awaitSession(two::current);
                assertEquals(first.tsih(), second.tsih(), "one connection created the session, the other joined it");
                assertEquals(java.util.Set.of(1, 2), java.util.Set.of(first.cid(), second.cid()), "each with its CID");
                assertTrue(first.window() == second.window(), "one command window for the session");
                assertEquals(2, target.connections().size(), "the target holds both connections in one session");

                List<CompletableFuture<Object>> outcomes = new ArrayList<>();
                Thread other = new Thread(() -> {
                    for (int i = 0; i < 200; i++) {
                        synchronized (outcomes) {
                            outcomes.add(write(second, 1000 + i));
                        }
                    }
                });
                other.start();
                for (int i = 0; i < 200; i++) {
                    synchronized (outcomes) {
                        outcomes.add(write(first, i));
                    }
                }
                other.join();
                for (CompletableFuture<Object> outcome : outcomes) {
                    assertEquals(ScsiResult.GOOD, outcome.get(GUARD_MS, TimeUnit.MILLISECONDS), "every write succeeds");
                }

                assertEquals(List.of(), target.violations, "no CmdSN twice, none beyond the session's MaxCmdSN");
                List<Integer> all = new ArrayList<>();
                target.cmdSnsByCid.forEach((cid, sns) -> {
                    all.addAll(sns);
                    for (int i = 1; i < sns.size(); i++) {
                        assertTrue(sns.get(i) - sns.get(i - 1) > 0, "CID " + cid + " sends its CmdSNs in order: " + sns);
                    }
                });
                assertTrue(target.cmdSnsByCid.get(1).size() >= 200 && target.cmdSnsByCid.get(2).size() >= 200,
                        "both connections carried their commands");
                all.sort(Integer::compare);
                for (int i = 1; i < all.size(); i++) {
                    assertEquals(all.get(i - 1) + 1, all.get(i), "one gap-free sequence across both connections");
                }
                assertEquals(List.of(), target.cmdSnGaps(), "nothing holds the session back at the target");
                assertEquals(List.of(), fallbacks, "no fall back");
            } finally {
                stopAll();
            }
        }
    }

    @Test
    void aDeadConnectionIsFencedByALogoutOfItsCidOverTheOtherAndJoinsTheSameSessionAgain() throws Exception {
        try (FakeTarget target = mcsTarget()) {
            try {
                SessionRunner one = connection(target, 1);
                Session first = awaitSession(one::current);
                SessionRunner two = connection(target, 2);
                Session second = awaitSession(two::current);
                target.onNextWrite.set((connection, command) -> { }); // the target takes one write and never answers
                CompletableFuture<Object> stuck = write(second, 7);
                awaitCondition("the write reached the target", () -> !target.cmdSnsByCid.getOrDefault(2, List.of()).isEmpty());

                second.drop("the test cuts connection 2");
                PathException lost = (PathException) stuck.get(GUARD_MS, TimeUnit.MILLISECONDS);
                assertEquals(PathException.Outcome.UNKNOWN, lost.outcome(), "the written write's outcome is unknown");
                second.gone().toCompletableFuture().get(GUARD_MS, TimeUnit.MILLISECONDS);
                assertEquals(List.of(2), target.connectionLogouts, "fenced by one Logout, naming CID 2");
                assertTrue(first.isOpen() && one.current() == first, "the connection that carried the Logout stays");
                assertEquals(ScsiResult.GOOD, write(first, 8).get(GUARD_MS, TimeUnit.MILLISECONDS),
                        "the session goes on over CID 1");
                assertEquals(List.of(), target.cmdSnGaps(), "no CmdSN gap is left behind");
                Session again = awaitSession(() -> two.current() == second ? null : two.current());
                assertEquals(first.tsih(), again.tsih(), "CID 2 joined the same session again: same TSIH");
                assertEquals(List.of(), fallbacks, "no fall back");
            } finally {
                stopAll();
            }
        }
    }

    @Test
    void aTargetThatClosesTheCarrierInsteadOfTheNamedConnectionMakesTheGroupFallBack() throws Exception {
        try (FakeTarget target = mcsTarget()) {
            target.logoutClosesCarrier = true;
            try {
                SessionRunner one = connection(target, 1);
                Session first = awaitSession(one::current);
                SessionRunner two = connection(target, 2);
                Session second = awaitSession(two::current);
                second.drop("the test cuts connection 2");
                awaitCondition("the group falls back", () -> !fallbacks.isEmpty());
                assertTrue(fallbacks.get(0).contains("closed CID 1"), "saying the target closed the carrier: " + fallbacks);
                awaitCondition("the carrier is gone too", () -> !first.isOpen());
                assertFalse(second.gone().toCompletableFuture().isDone(), "the dead connection is not proven gone");
                group.reinstated(); // what the fallback's first session does when it logs in with the group's ISID
                second.gone().toCompletableFuture().get(GUARD_MS, TimeUnit.MILLISECONDS);
                first.gone().toCompletableFuture().get(GUARD_MS, TimeUnit.MILLISECONDS);
                assertEquals(null, one.current(), "no connection creates the session again after the fall back");
            } finally {
                stopAll();
            }
        }
    }

    private static SessionListener listener() {
        return new SessionListener() {
            @Override
            public void sessionUp(Session session) {
            }

            @Override
            public void sessionDown(Session session, String reason) {
            }
        };
    }
}
