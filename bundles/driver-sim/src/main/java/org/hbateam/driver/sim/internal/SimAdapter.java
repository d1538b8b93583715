package org.hbateam.driver.sim.internal;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hbateam.api.path.PathException;

/**
 * One simulated adapter: a link that starts commands in arrival order. A command occupies the link for
 * bytes / bandwidth, then completes after the latency on top; at most queueDepth commands are in service,
 * the rest wait. With enough queue depth to cover the latency the link runs at its bandwidth; with depth 1
 * each command pays the full latency, as on a real HBA. Completions come in order of due time, ties in
 * start order.
 *
 * <p>All link state lives on the adapter's one scheduler thread, so it needs no lock: submitters only add
 * to a lock-free arrival queue and wake the thread, and one timer stands for the earliest due command.
 */
final class SimAdapter {
    private static final Comparator<SimCommand> BY_DUE_THEN_START =
            Comparator.<SimCommand>comparingLong(c -> c.due).thenComparingLong(c -> c.startSequence);

    private final String name;
    private final ScheduledThreadPoolExecutor scheduler;
    private final Queue<SimCommand> arrivals = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean pumpQueued = new AtomicBoolean();
    private final AtomicBoolean purgeAnswered = new AtomicBoolean();
    private final Runnable pump = this::pump;
    private final Runnable timer = this::timerFired;
    private final Set<SimPath> paths = new CopyOnWriteArraySet<>();
    private volatile AdapterSettings settings;
    private volatile FaultState fault = FaultState.NONE;
    /** The scheduler's thread, so that shutdown and status never wait for themselves. */
    private volatile Thread schedulerThread;

    // Confined to the scheduler thread.
    private final Queue<SimCommand> waiting = new ArrayDeque<>();
    private final PriorityQueue<SimCommand> inService = new PriorityQueue<>(BY_DUE_THEN_START);
    private long linkFreeAt = Long.MIN_VALUE;
    private long nextStartSequence;
    private long timerDue = Long.MAX_VALUE;

    SimAdapter(AdapterSettings settings) {
        this.name = settings.name();
        this.settings = settings;
        this.scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "hbateam-sim-adapter-" + name);
            thread.setDaemon(true);
            schedulerThread = thread;
            return thread;
        });
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
        arrivals.offer(command);
        wake();
    }

    /** Some held commands were answered early (cut, abort): free their slots. */
    void commandsAnswered() {
        purgeAnswered.set(true);
        wake();
    }

    private void wake() {
        if (pumpQueued.compareAndSet(false, true)) {
            try {
                scheduler.execute(pump);
            } catch (RejectedExecutionException stopped) {
                failArrivals();
            }
        }
    }

    private void timerFired() {
        timerDue = Long.MAX_VALUE;
        pump();
    }

    /** Runs on the scheduler thread: completes what is due, starts what fits, sets the timer. */
    private void pump() {
        pumpQueued.set(false);
        long now = System.nanoTime();
        if (purgeAnswered.getAndSet(false)) {
            inService.removeIf(SimCommand::isAnswered);
            waiting.removeIf(SimCommand::isAnswered);
        }
        do {
            completeDue(now);
            for (SimCommand c; (c = arrivals.poll()) != null; ) {
                waiting.add(c);
            }
        } while (startWaiting(now));
        armTimer(now);
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

    private void armTimer(long now) {
        SimCommand head = inService.peek();
        if (head != null && head.due < timerDue) {
            timerDue = head.due;
            scheduler.schedule(timer, head.due - now, TimeUnit.NANOSECONDS);
        }
    }

    private void failArrivals() {
        for (SimCommand c; (c = arrivals.poll()) != null; ) {
            c.fail(PathException.Reason.PATH_REMOVED, "adapter " + name + " is stopped");
        }
    }

    /** Commands in service now; for tests and status. Waits for the scheduler to catch up. */
    int inService() {
        return onScheduler(() -> inService.size());
    }

    /** Commands waiting for a slot now; for tests and status. Waits for the scheduler to catch up. */
    int waiting() {
        return onScheduler(() -> waiting.size() + arrivals.size());
    }

    private int onScheduler(Callable<Integer> question) {
        try {
            return Thread.currentThread() == schedulerThread ? question.call() : scheduler.submit(question).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (RejectedExecutionException stopped) {
            return 0;
        } catch (Exception e) {
            throw new IllegalStateException("adapter " + name + ": status query failed", e);
        }
    }

    /** Stops the scheduler thread. Commands still held must already have been failed by their paths. */
    void shutdown() {
        scheduler.shutdownNow();
        failArrivals();
        if (Thread.currentThread() == schedulerThread) {
            return;
        }
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("adapter " + name + ": scheduler thread did not stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
