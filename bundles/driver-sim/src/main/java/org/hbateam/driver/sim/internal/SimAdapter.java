package org.hbateam.driver.sim.internal;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.hbateam.api.path.PathException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated adapter: a link that starts commands in arrival order. A command occupies the link for
 * bytes / bandwidth, then completes after the latency on top; at most queueDepth commands are in service,
 * the rest wait. With enough queue depth to cover the latency the link runs at its bandwidth; with depth 1
 * each command pays the full latency, as on a real HBA. Completions come in order of due time, ties in
 * start order.
 *
 * <p>All link state lives on the adapter's one scheduler thread, so it needs no lock: submitters only add
 * to a lock-free arrival queue and unpark the thread, which parks until the earliest due command or the next
 * wake. The thread is driven with park/unpark rather than a scheduled executor because an executor allocates
 * a task object for every wake and every timer, i.e. per command, and the command path must not allocate
 * beyond the unavoidable (docs/benchmarks.md, "Allocation per command").
 */
final class SimAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(SimAdapter.class);
    private static final Comparator<SimCommand> BY_DUE_THEN_START =
            Comparator.<SimCommand>comparingLong(c -> c.due).thenComparingLong(c -> c.startSequence);

    private final String name;
    private final Thread scheduler;
    /**
     * Commands that arrived and are not yet seen by the scheduler: a lock-free stack linked through
     * {@link SimCommand#nextArrival}, newest first, so that an arrival allocates no queue node. The scheduler
     * takes the whole stack at once and reverses it into arrival order.
     */
    private final AtomicReference<SimCommand> arrivals = new AtomicReference<>();
    /** Status questions for the scheduler thread (tests and status only, never per command). */
    private final Queue<FutureTask<Integer>> questions = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean pumpQueued = new AtomicBoolean();
    private final AtomicBoolean purgeAnswered = new AtomicBoolean();
    private final Set<SimPath> paths = new CopyOnWriteArraySet<>();
    private volatile AdapterSettings settings;
    private volatile FaultState fault = FaultState.NONE;
    private volatile boolean stopped;

    // Confined to the scheduler thread.
    private final Queue<SimCommand> waiting = new ArrayDeque<>();
    private final PriorityQueue<SimCommand> inService = new PriorityQueue<>(BY_DUE_THEN_START);
    private long linkFreeAt = Long.MIN_VALUE;
    private long nextStartSequence;

    SimAdapter(AdapterSettings settings) {
        this.name = settings.name();
        this.settings = settings;
        this.scheduler = new Thread(this::runScheduler, "hbateam-sim-adapter-" + name);
        scheduler.setDaemon(true);
        scheduler.start();
    }

    String name() {
        return name;
    }

    AdapterSettings settings() {
        return settings;
    }

    /** Takes new link settings (same name); commands already in service keep their timing. */
    void update(AdapterSettings newSettings) {
        settings = newSettings;
        wake();
    }

    FaultState fault() {
        return fault;
    }

    /** Puts a fault on the adapter (NONE lifts it) and lets every path over it act on the change. */
    void setFault(FaultState newFault, String reason) {
        fault = newFault;
        for (SimPath path : paths) {
            path.refresh(reason);
        }
    }

    void attach(SimPath path) {
        paths.add(path);
    }

    void detach(SimPath path) {
        paths.remove(path);
    }

    List<SimPath> paths() {
        return List.copyOf(paths);
    }

    /** Queues a command for service. */
    void enqueue(SimCommand command) {
        SimCommand newest;
        do {
            newest = arrivals.get();
            command.nextArrival = newest;
        } while (!arrivals.compareAndSet(newest, command));
        wake();
    }

    /** Some held commands were answered early (cut, abort): free their slots. */
    void commandsAnswered() {
        purgeAnswered.set(true);
        wake();
    }

    private void wake() {
        if (stopped) {
            failArrivals();
        } else if (pumpQueued.compareAndSet(false, true)) {
            LockSupport.unpark(scheduler);
        }
    }

    /** The scheduler thread: pump, answer status questions, park until woken or the earliest command is due. */
    private void runScheduler() {
        while (!stopped) {
            try {
                FutureTask<Integer> question = questions.poll();
                pump();
                if (question != null) {
                    // Polled before the pump, so the pump saw every command that arrived before the question.
                    question.run();
                    continue;
                }
                parkUntilDue();
            } catch (RuntimeException e) {
                LOG.error("Simulated adapter {}: scheduler step failed; carrying on", name, e);
            }
        }
    }

    private void parkUntilDue() {
        if (pumpQueued.get() || !questions.isEmpty()) {
            return;
        }
        SimCommand head = inService.peek();
        if (head == null) {
            LockSupport.park(this);
        } else {
            long delay = head.due - System.nanoTime();
            if (delay > 0) {
                LockSupport.parkNanos(this, delay);
            }
        }
    }

    /** Runs on the scheduler thread: completes what is due and starts what fits. */
    private void pump() {
        pumpQueued.set(false);
        long now = System.nanoTime();
        if (purgeAnswered.getAndSet(false)) {
            inService.removeIf(SimCommand::isAnswered);
            waiting.removeIf(SimCommand::isAnswered);
        }
        do {
            completeDue(now);
            takeArrivals();
        } while (startWaiting(now));
    }

    /** Moves every arrival, in arrival order, to the waiting line; on the scheduler thread. */
    private void takeArrivals() {
        for (SimCommand c = takeArrivalsInOrder(); c != null; ) {
            SimCommand next = c.nextArrival;
            c.nextArrival = null;
            waiting.add(c);
            c = next;
        }
    }

    /** Empties the arrival stack and returns it oldest first, linked through nextArrival. */
    private SimCommand takeArrivalsInOrder() {
        SimCommand oldestFirst = null;
        for (SimCommand c = arrivals.getAndSet(null); c != null; ) {
            SimCommand older = c.nextArrival;
            c.nextArrival = oldestFirst;
            oldestFirst = c;
            c = older;
        }
        return oldestFirst;
    }

    private void completeDue(long now) {
        for (SimCommand head; (head = inService.peek()) != null && head.due <= now; ) {
            inService.poll();
            head.path.serviceDone(head);
        }
    }

    /** Starts waiting commands while slots are free; true when one of them is due at once. */
    private boolean startWaiting(long now) {
        int depth = settings.queueDepth();
        boolean dueNow = false;
        while (inService.size() < depth && !waiting.isEmpty()) {
            SimCommand command = waiting.poll();
            if (!command.isAnswered()) {
                start(command, now);
                dueNow |= command.due <= now;
            }
        }
        return dueNow;
    }

    private void start(SimCommand command, long now) {
        AdapterSettings s = settings;
        double factor = command.path.slowFactor();
        long begin = Math.max(now, linkFreeAt);
        linkFreeAt = begin + (long) (s.transferNanos(command.command.transferLength()) * factor);
        command.due = linkFreeAt + (long) (s.latencyNanos() * factor);
        command.startSequence = nextStartSequence++;
        inService.add(command);
    }

    private void failArrivals() {
        for (SimCommand c = takeArrivalsInOrder(); c != null; ) {
            SimCommand next = c.nextArrival;
            c.fail(PathException.Reason.PATH_REMOVED, "adapter " + name + " is stopped");
            c = next;
        }
    }

    /** Commands in service now; for tests and status. Waits for the scheduler to catch up. */
    int inService() {
        return onScheduler(() -> inService.size());
    }

    /** Commands waiting for a slot now; for tests and status. Waits for the scheduler to catch up. */
    int waiting() {
        return onScheduler(() -> {
            takeArrivals();
            return waiting.size();
        });
    }

    private int onScheduler(Callable<Integer> question) {
        try {
            if (Thread.currentThread() == scheduler) {
                return question.call();
            }
            FutureTask<Integer> task = new FutureTask<>(question);
            questions.add(task);
            if (stopped) {
                task.run(); // no scheduler left to catch up with; answers at once (a second run is a no-op)
            } else {
                LockSupport.unpark(scheduler);
            }
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (ExecutionException e) {
            throw new IllegalStateException("adapter " + name + ": status query failed", e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("adapter " + name + ": status query failed", e);
        }
    }

    /** Stops the scheduler thread. Commands still held must already have been failed by their paths. */
    void shutdown() {
        stopped = true;
        LockSupport.unpark(scheduler);
        if (Thread.currentThread() != scheduler) {
            try {
                scheduler.join(5000);
                if (scheduler.isAlive()) {
                    throw new IllegalStateException("adapter " + name + ": scheduler thread did not stop");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        failArrivals();
        for (FutureTask<Integer> question; (question = questions.poll()) != null; ) {
            question.run();
        }
    }
}
