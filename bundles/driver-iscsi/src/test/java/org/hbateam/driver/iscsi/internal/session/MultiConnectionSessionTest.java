package org.hbateam.driver.iscsi.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.hbateam.driver.iscsi.internal.fake.FakeTarget;
import org.hbateam.driver.iscsi.internal.login.ChapCredentials;
import org.hbateam.driver.iscsi.internal.login.Portal;
import org.hbateam.driver.iscsi.internal.login.Proposal;
import org.junit.jupiter.api.Test;

/**
 * A session of two connections (MC/S) against the fake target, over real loopback sockets: the second connection
 * joins with the session's ISID and TSIH and its own CID, both share one CmdSN sequence and window, and a dead
 * connection is fenced by a Logout of its CID over the other one.
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

    /** A membership for CID 1 of {@code leading}'s session that records what the runner reports. */
    private static final class Joining implements SessionRunner.Membership {
        final SessionRunner leading;
        final CompletableFuture<Session> ended = new CompletableFuture<>();

        Joining(SessionRunner leading) {
            this.leading = leading;
        }

        @Override
        public Session leading() {
            return leading.current();
        }

        @Override
        public int cid() {
            return 1;
        }

        @Override
        public void ended(Session connection, String reason) {
            ended.complete(connection);
        }

        @Override
        public void refused(String reason) {
            ended.completeExceptionally(new AssertionError("refused: " + reason));
        }
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
                SessionRunner leading = run(new SessionRunner(settings(target, "c0"), listener(), SiblingRoutes.NONE));
                Session first = awaitSession(leading::current);
                SessionRunner joining = run(new SessionRunner(settings(target, "c1"), listener(), SiblingRoutes.NONE,
                        new Joining(leading)));
                Session second = awaitSession(joining::current);
                assertEquals(first.tsih(), second.tsih(), "the second connection joined the session: same TSIH");
                assertEquals(1, second.cid(), "with its own CID");
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
                assertTrue(target.cmdSnsByCid.get(0).size() >= 200 && target.cmdSnsByCid.get(1).size() >= 200,
                        "both connections carried their commands");
                all.sort(Integer::compare);
                for (int i = 1; i < all.size(); i++) {
                    assertEquals(all.get(i - 1) + 1, all.get(i), "one gap-free sequence across both connections");
                }
                assertEquals(List.of(), target.cmdSnGaps(), "nothing holds the session back at the target");
            } finally {
                stopAll();
            }
        }
    }

    @Test
    void aDeadConnectionIsFencedByALogoutOfItsCidOverTheOtherAndItsGapsAreFilled() throws Exception {
        try (FakeTarget target = mcsTarget()) {
            try {
                SessionRunner leading = run(new SessionRunner(settings(target, "c0"), listener(), SiblingRoutes.NONE));
                Session first = awaitSession(leading::current);
                Joining membership = new Joining(leading);
                SessionRunner joining = run(new SessionRunner(settings(target, "c1"), listener(), SiblingRoutes.NONE,
                        membership));
                Session second = awaitSession(joining::current);
                target.onNextWrite.set((connection, command) -> { }); // the target takes one write and never answers
                CompletableFuture<Object> stuck = write(second, 7);
                long deadline = System.currentTimeMillis() + GUARD_MS;
                while (target.cmdSnsByCid.getOrDefault(1, List.of()).isEmpty() && System.currentTimeMillis() < deadline) {
                    Thread.sleep(5);
                }

                second.drop("the test cuts connection 1");
                Session dead = membership.ended.get(GUARD_MS, TimeUnit.MILLISECONDS);
                PathException lost = (PathException) stuck.get(GUARD_MS, TimeUnit.MILLISECONDS);
                assertEquals(PathException.Outcome.UNKNOWN, lost.outcome(), "the written write's outcome is unknown");
                assertFalse(dead.gone().toCompletableFuture().isDone(), "not fenced before the target confirms");

                first.fenceConnection(dead, 5000).toCompletableFuture().get(GUARD_MS, TimeUnit.MILLISECONDS);
                dead.gone().toCompletableFuture().get(GUARD_MS, TimeUnit.MILLISECONDS);
                assertEquals(List.of(1), target.connectionLogouts, "one Logout, naming CID 1");
                assertTrue(first.isOpen(), "the connection that carried the Logout stays");
                assertEquals(ScsiResult.GOOD, write(first, 8).get(GUARD_MS, TimeUnit.MILLISECONDS),
                        "the session goes on over CID 0");
                assertEquals(List.of(), target.cmdSnGaps(), "no CmdSN gap is left behind");
            } finally {
                stopAll();
            }
        }
    }

    @Test
    void aTargetThatClosesTheCarrierInsteadOfTheNamedConnectionLeavesTheFenceToTheReinstatement() throws Exception {
        try (FakeTarget target = mcsTarget()) {
            target.logoutClosesCarrier = true;
            try {
                SessionRunner leading = run(new SessionRunner(settings(target, "c0"), listener(), SiblingRoutes.NONE));
                Session first = awaitSession(leading::current);
                Joining membership = new Joining(leading);
                run(new SessionRunner(settings(target, "c1"), listener(), SiblingRoutes.NONE, membership));
                Session second = awaitSession(() -> membership.leading() == first ? runners.get(1).current() : null);
                second.drop("the test cuts connection 1");
                Session dead = membership.ended.get(GUARD_MS, TimeUnit.MILLISECONDS);

                CompletableFuture<Void> fence = first.fenceConnection(dead, 5000).toCompletableFuture();
                Throwable error = fence.handle((done, e) -> e).get(GUARD_MS, TimeUnit.MILLISECONDS);
                assertTrue(error != null && String.valueOf(error.getMessage()).contains("closed CID 0"),
                        "the fence fails, saying the target closed the carrier: " + error);
                Session again = awaitSession(() -> leading.current() == first ? null : leading.current());
                assertNotEquals(first.window(), again.window(), "the leading connection logged in anew: a reinstatement");
                dead.gone().toCompletableFuture().get(GUARD_MS, TimeUnit.MILLISECONDS); // proven by that reinstatement
                assertTrue(target.loginIsids.stream().filter(i -> i.equals("800908070605")).count() >= 3,
                        "the session's ISID logged in at least three times: leading, joining, reinstating");
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
