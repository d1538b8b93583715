package org.hbateam.failover.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.hbateam.api.path.CommandCallback;
import org.hbateam.api.path.PathException;
import org.hbateam.api.path.PathState;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.failover.internal.config.Failback;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.failover.internal.health.PathEntry;
import org.hbateam.failover.internal.team.FakePath;
import org.hbateam.failover.internal.team.Fixture;
import org.hbateam.failover.internal.team.TeamImpl;
import org.hbateam.failover.internal.team.TeamPathSet;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Many threads submit while paths answer from other threads, fail at random, call back twice, go
 * DOWN and UP, and are unbound and bound again, with the sweeper running. Every command must get
 * exactly one outcome, none may be sent again after its outcome, and nothing may stay in flight.
 */
class ExactlyOnceTest {
    private static final int SUBMITTERS = 4;
    private static final int PER_SUBMITTER = 2000;

    /** Answers on a pool thread: mostly GOOD, sometimes a path error, sometimes two callbacks. */
    private final class ChaosPath extends FakePath {
        final AtomicBoolean chaos = new AtomicBoolean(true);
        /** False once the "driver" has unregistered this path: like a stopped driver, it fails what it is given. */
        volatile boolean registered = true;

        ChaosPath(String id, String adapter) {
            super(id, adapter, "lu");
        }

        @Override
        public void submit(ScsiCommand command, CommandCallback callback) {
            submitted.incrementAndGet();
            sends.incrementAndGet();
            if (!registered) {
                // A submit that raced with the unbind: the path is gone, the command is refused, never sent.
                callback.failed(command, new PathException(PathException.Reason.PATH_REMOVED, "unregistered"));
                return;
            }
            CompletableFuture<ScsiResult> future = futures.get(command);
            if (future != null && future.isDone()) {
                sentAfterDone.incrementAndGet();
            }
            if (!chaos.get()) {
                callback.completed(command, ScsiResult.GOOD);
                return;
            }
            drivers.execute(() -> answer(command, callback));
        }

        private void answer(ScsiCommand command, CommandCallback callback) {
            int roll = ThreadLocalRandom.current().nextInt(100);
            if (roll < 60) {
                callback.completed(command, ScsiResult.GOOD);
            } else if (roll < 80) {
                callback.failed(command, new PathException(PathException.Reason.TRANSPORT, "random"));
            } else if (roll < 90) {
                callback.completed(command, ScsiResult.GOOD);
                callback.completed(command, ScsiResult.GOOD);
            } else if (roll < 95) {
                callback.completed(command, ScsiResult.GOOD);
                callback.failed(command, new PathException(PathException.Reason.TRANSPORT, "after the fact"));
            }
            // else: swallowed; the timeout or an unbind must rescue it
        }
    }

    private final Map<ScsiCommand, CompletableFuture<ScsiResult>> futures = new ConcurrentHashMap<>();
    private final AtomicInteger sentAfterDone = new AtomicInteger();
    private final AtomicInteger sends = new AtomicInteger();
    private final ExecutorService drivers = Executors.newFixedThreadPool(4);

    @RepeatedTest(3)
    void everyCommandGetsExactlyOneOutcome() throws Exception {
        Fixture f = new Fixture(FailoverSettings.defaults().withFailback(Failback.IMMEDIATE, 0).withNoPathRetryMs(600_000));
        AtomicReferenceArray<ChaosPath> paths = new AtomicReferenceArray<>(4);
        for (int i = 0; i < 4; i++) {
            paths.set(i, (ChaosPath) f.add(new ChaosPath("p" + i, "hba" + i)));
        }
        f.registry.defaultBalancer(Fixture.tinyStatic());
        TeamImpl team = f.team("lu");
        AtomicInteger outcomes = new AtomicInteger();
        AtomicInteger doubled = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(SUBMITTERS + 2);
        try {
            List<java.util.concurrent.Future<?>> submitters = new ArrayList<>();
            for (int s = 0; s < SUBMITTERS; s++) {
                submitters.add(load.submit(() -> {
                    for (int i = 0; i < PER_SUBMITTER; i++) {
                        ScsiCommand command = Fixture.write(512);
                        CompletableFuture<ScsiResult> mine = new CompletableFuture<>();
                        futures.put(command, mine);
                        AtomicInteger seen = new AtomicInteger();
                        team.submit(command).whenComplete((r, e) -> {
                            if (seen.incrementAndGet() > 1) {
                                doubled.incrementAndGet();
                            }
                            outcomes.incrementAndGet();
                            mine.complete(r);
                        });
                    }
                }));
            }
            load.submit(() -> chaos(f, team, paths, running));
            load.submit(() -> {
                while (running.get()) {
                    f.advanceMillis(50);
                    f.registry.sweep();
                    Thread.onSpinWait();
                }
            });
            for (java.util.concurrent.Future<?> submitter : submitters) {
                submitter.get(60, TimeUnit.SECONDS);
            }
            running.set(false);
            calmDown(f, team, paths);
            int expected = SUBMITTERS * PER_SUBMITTER;
            for (int round = 0; round < 10_000 && outcomes.get() < expected; round++) {
                f.advanceMillis(1000);
                f.registry.sweep();
                Thread.sleep(1);
            }
            assertEquals(expected, outcomes.get(), "every submitted command got an outcome");
            assertEquals(0, doubled.get(), "no command got a second outcome");
            assertTrue(sends.get() > expected, "the chaos made commands fail over (sends " + sends.get() + " for " + expected + " commands)");
            assertEquals(0, sentAfterDone.get(), "no command was sent again after its outcome");
            TeamPathSet set = team.pathSet();
            for (int i = 0; i < set.size(); i++) {
                assertTrue(set.entry(i).inFlight.isEmpty(), "no attempt left in flight on " + set.pathId(i));
                assertEquals(0, set.inFlightCommands(i), "the in-flight counter of " + set.pathId(i) + " is back to 0");
            }
        } finally {
            running.set(false);
            load.shutdownNow();
            drivers.shutdownNow();
            assertTrue(load.awaitTermination(10, TimeUnit.SECONDS) && drivers.awaitTermination(10, TimeUnit.SECONDS),
                    "test threads stop");
        }
    }

    private void chaos(Fixture f, TeamImpl team, AtomicReferenceArray<ChaosPath> paths, AtomicBoolean running) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running.get()) {
            int index = random.nextInt(paths.length());
            ChaosPath p = paths.get(index);
            switch (random.nextInt(4)) {
                case 0 -> p.report(PathState.DOWN);
                case 1 -> p.report(PathState.UP);
                case 2 -> {
                    // The driver unregisters the path and registers a new service object for it.
                    p.registered = false;
                    f.registry.removePath(p);
                    ChaosPath again = new ChaosPath(p.id, p.adapter);
                    paths.set(index, again);
                    f.registry.addPath(again, again.properties());
                }
                default -> {
                    PathEntry entry = team.entry(p);
                    if (entry != null) {
                        team.health.reinstate(entry, "chaos");
                    }
                }
            }
            Thread.onSpinWait();
        }
    }

    private void calmDown(Fixture f, TeamImpl team, AtomicReferenceArray<ChaosPath> paths) {
        for (int i = 0; i < paths.length(); i++) {
            ChaosPath p = paths.get(i);
            p.chaos.set(false);
            if (team.entry(p) == null) {
                f.registry.addPath(p, p.properties());
            }
            p.report(PathState.UP);
            PathEntry entry = team.entry(p);
            if (entry != null) {
                team.health.reinstate(entry, "calm");
            }
        }
    }
}
