package org.hbateam.driver.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hbateam.api.path.CommandCallback;
import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.driver.sim.Fault;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.driver.sim.internal.config.TestConfigs;
import org.hbateam.driver.sim.internal.model.SimPath;
import org.junit.jupiter.api.Test;

/**
 * Every accepted command is answered exactly once while submitters, a fault injector and deactivation race.
 * Submitters keep a bounded number of commands outstanding, so that completions, cuts, black holes, aborts
 * and removal all get their turn. Counts per command; no timing.
 */
class ExactlyOnceTest {
    private static final int SUBMITTERS = 4;
    private static final int COMMANDS_EACH = 3000;
    private static final int OUTSTANDING = 16;

    @Test
    void everyCommandIsAnsweredExactlyOnceThroughCutsBlackHolesAbortsAndDeactivation() throws Exception {
        SimFixture sim = new SimFixture();
        sim.adapter("a", TestConfigs.adapter("hba0", 2000, 20, 4));
        sim.adapter("b", TestConfigs.adapter("hba1", 2000, 20, 4));
        sim.lun("l", TestConfigs.lun("hba0", "hba1").withSizeMB(4));
        List<SimPath> paths = List.of(sim.path("hba0"), sim.path("hba1"));
        Recorder recorder = new Recorder();
        Queue<ScsiCommand> sent = new ConcurrentLinkedQueue<>();
        CountDownLatch halfway = new CountDownLatch(SUBMITTERS);
        CountDownLatch threeQuarters = new CountDownLatch(SUBMITTERS);
        AtomicBoolean running = new AtomicBoolean(true);

        List<Thread> submitters = new ArrayList<>();
        for (int t = 0; t < SUBMITTERS; t++) {
            Random random = new Random(t);
            submitters.add(start("submitter-" + t,
                    () -> submit(paths, recorder, sent, List.of(halfway, threeQuarters), random)));
        }
        Thread chaos = start("chaos", () -> injectFaults(sim, paths, sent, running));
        halfway.await();
        sim.removeAdapter("a"); // while commands fly: hba0's path goes away
        threeQuarters.await();
        sim.close();            // and then everything else
        for (Thread thread : submitters) {
            thread.join();
        }
        running.set(false);
        chaos.join();

        Map<String, Integer> outcomes = new TreeMap<>();
        for (ScsiCommand command : sent) {
            assertEquals(1, recorder.answers(command), command + " must be answered exactly once");
            outcomes.merge(outcome(recorder, command), 1, Integer::sum);
        }
        assertEquals(SUBMITTERS * COMMANDS_EACH, sent.size(), "every submitter sent all its commands");
        assertEquals(sent.size(), recorder.total(), "one answer per command in total");
        assertTrue(outcomes.containsKey("completed") && outcomes.containsKey("PATH_REMOVED"),
                "the race must include completions and removal: " + outcomes);
    }

    private static String outcome(Recorder recorder, ScsiCommand command) {
        try {
            return recorder.failure(command).name();
        } catch (AssertionError completed) {
            return "completed";
        }
    }

    private static void submit(List<SimPath> paths, Recorder recorder, Queue<ScsiCommand> sent,
            List<CountDownLatch> milestones, Random random) {
        Semaphore window = new Semaphore(OUTSTANDING);
        CommandCallback paced = new CommandCallback() {
            @Override
            public void completed(ScsiCommand command, ScsiResult result) {
                recorder.completed(command, result);
                window.release();
            }

            @Override
            public void failed(ScsiCommand command, PathException error) {
                recorder.failed(command, error);
                window.release();
            }
        };
        for (int i = 0; i < COMMANDS_EACH; i++) {
            if (i == COMMANDS_EACH / 2) {
                milestones.get(0).countDown();
            } else if (i == COMMANDS_EACH * 3 / 4) {
                milestones.get(1).countDown();
            }
            acquire(window);
            long lba = random.nextInt(8000);
            ScsiCommand command = random.nextBoolean()
                    ? ScsiCommand.write(Cdb.write10(lba, 1), ByteBuffer.allocate(512))
                    : ScsiCommand.read(Cdb.read16(lba, 1), ByteBuffer.allocate(512));
            sent.add(command);
            paths.get(random.nextInt(paths.size())).submit(command, paced);
        }
    }

    /** Paces the submitter; gives up waiting after a while, because a black hole may hold its window shut. */
    private static void acquire(Semaphore window) {
        try {
            window.tryAcquire(20, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void injectFaults(SimFixture sim, List<SimPath> paths, Queue<ScsiCommand> sent,
            AtomicBoolean running) {
        Random random = new Random(99);
        while (running.get()) {
            SimPath path = paths.get(random.nextInt(paths.size()));
            try {
                switch (random.nextInt(8)) {
                    case 0: sim.faults.inject(Fault.cut(Fault.Scope.PATH, path.id())); break;
                    case 1: sim.faults.inject(Fault.blackHole(Fault.Scope.PATH, path.id())); break;
                    case 2: sim.faults.inject(Fault.cut(Fault.Scope.ADAPTER, path.adapterId())); break;
                    case 3: sim.faults.inject(Fault.blackHole(Fault.Scope.ADAPTER, path.adapterId())); break;
                    case 4: sim.faults.inject(Fault.slow(Fault.Scope.PATH, path.id(), 1.5)); break;
                    case 5: sim.faults.restore(Fault.Scope.ADAPTER, path.adapterId()); break;
                    default: sim.faults.restore(Fault.Scope.PATH, path.id());
                }
            } catch (IllegalArgumentException gone) {
                // The path or adapter was removed meanwhile: a legitimate outcome of the race.
            }
            abortSome(path, sent, random);
            sleepBriefly();
        }
    }

    private static void abortSome(SimPath path, Queue<ScsiCommand> sent, Random random) {
        int n = 0;
        for (ScsiCommand command : sent) {
            if (random.nextInt(50) == 0) {
                path.abort(command);
            }
            if (++n > 100) {
                return;
            }
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(0, 200_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.start();
        return thread;
    }
}
