package org.hbateam.failover.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.hbateam.api.path.CommandCallback;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.failover.internal.events.EventSink;
import org.hbateam.failover.internal.events.TeamEvents;
import org.hbateam.failover.internal.team.FakePath;
import org.hbateam.failover.internal.team.Fixture;
import org.hbateam.failover.internal.team.TeamImpl;
import org.hbateam.failover.internal.team.TeamRegistry;
import org.junit.jupiter.api.Test;

/** A driver that blocks in a call the sweeper started stalls a pool thread, not the sweeper or other teams. */
class SweeperNeverBlocksTest {
    /** A path whose probe never returns until the test lets it. */
    static final class StuckProbePath extends FakePath {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        StuckProbePath(String id, String adapter, String lu) {
            super(id, adapter, lu);
        }

        @Override
        public void probe(CommandCallback callback) {
            probes.incrementAndGet();
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void aProbeThatBlocksDoesNotStopTheSweeperFromTimingOutAnotherTeamsCommand() throws Exception {
        AtomicLong clock = new AtomicLong(1_000_000_000L);
        DriverCallPool pool = new DriverCallPool();
        StuckProbePath stuck = new StuckProbePath("stuck", "hba0", "luA");
        try {
            TeamRegistry registry = new TeamRegistry(FailoverSettings.defaults(), clock::get,
                    new TeamEvents(() -> EventSink.NONE), pool);
            registry.addPath(stuck, stuck.properties());
            FakePath b1 = new FakePath("b1", "hba1", "luB");
            FakePath b2 = new FakePath("b2", "hba2", "luB");
            registry.addPath(b1, b1.properties());
            registry.addPath(b2, b2.properties());
            b1.mode = FakePath.Mode.HOLD;
            b2.mode = FakePath.Mode.HOLD;
            TeamImpl teamB = registry.teamImpl("luB").orElseThrow();
            teamB.submit(Fixture.write(512));

            clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(FailoverSettings.defaults().probeIntervalMs()));
            assertTimeoutPreemptively(Duration.ofSeconds(5), registry::sweep, "the sweep that starts the stuck probe returns");
            assertTrue(stuck.entered.await(5, TimeUnit.SECONDS), "the probe is stuck in the driver, on a pool thread");

            clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(FailoverSettings.defaults().commandTimeoutMs() + 1));
            assertTimeoutPreemptively(Duration.ofSeconds(5), registry::sweep, "the next sweep is not held up by it either");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (b1.aborted.get() + b2.aborted.get() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(1, b1.aborted.get() + b2.aborted.get(), "the other team's timed-out command was aborted meanwhile");
            registry.close();
        } finally {
            stuck.release.countDown();
            pool.stop();
        }
    }
}
