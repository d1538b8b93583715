package org.hbateam.driver.sim.internal.model;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hbateam.api.path.PathException;
import org.hbateam.driver.sim.internal.config.AdapterSettings;

/**
 * One simulated adapter: a link that starts commands in arrival order. A command occupies the link for
 * bytes / bandwidth, then completes after the latency on top; at most queueDepth commands are in service,
 * the rest wait. With enough queue depth to cover the latency the link runs at its bandwidth; with depth 1
 * each command pays the full latency, as on a real HBA. Completions come in order of due time, ties in
 * start order.
 *
 * <p>All link state lives on the adapter's one {@link AdapterThread}, so it needs no lock: submitters only
 * push onto a lock-free {@link ArrivalStack} and wake the thread, which otherwise sleeps until the earliest
 * due command. Neither allocates per command.
 */
public final class SimAdapter {
    private static final Comparator<SimCommand> BY_DUE_THEN_START =
            Comparator.<SimCommand>comparingLong(c -> c.due).thenComparingLong(c -> c.startSequence);

    private final String name;
    private final AdapterThread scheduler;
    private final ArrivalStack arrivals = new ArrivalStack();
    private final AtomicBoolean purgeAnswered = new AtomicBoolean();
    private final Set<SimPath> paths = new CopyOnWriteArraySet<>();
    private volatile AdapterSettings settings;
    private volatile FaultState fault = FaultState.NONE;

    // Confined to the scheduler thread.
    private final Queue<SimCommand> waiting = new ArrayDeque<>();
    private final PriorityQueue<SimCommand> inService = new PriorityQueue<>(BY_DUE_THEN_START);
    private long linkFreeAt = Long.MIN_VALUE;
    private long nextStartSequence;

    public SimAdapter(AdapterSettings settings) {
        this.name = settings.name();
        this.settings = settings;
        this.scheduler = new AdapterThread(name, this::pump, this::nextDue);
        scheduler.start();
    }

    public String name() {
        return name;
    }

    public AdapterSettings settings() {
        return settings;
    }

    /** Takes new link settings (same name); commands already in service keep their timing. */
    public void update(AdapterSettings newSettings) {
        settings = newSettings;
        wake();
    }

    public FaultState fault() {
        return fault;
    }

    /** Puts a fault on the adapter (NONE lifts it) and lets every path over it act on the change. */
    public void setFault(FaultState newFault, String reason) {
        fault = newFault;
        for (SimPath path : paths) {
            path.refresh(reason);
        }
    }

    public void attach(SimPath path) {
        paths.add(path);
    }

    public void detach(SimPath path) {
        paths.remove(path);
    }

    List<SimPath> paths() {
        return List.copyOf(paths);
    }

    /** Queues a command for service. */
    void enqueue(SimCommand command) {
        arrivals.push(command);
        wake();
    }

    /** Some held commands were answered early (cut, abort): free their slots. */
    void commandsAnswered() {
        purgeAnswered.set(true);
        wake();
    }

    private void wake() {
        if (!scheduler.wake()) {
            failArrivals();
        }
    }

    /** Runs on the scheduler thread: completes what is due and starts what fits. */
    private void pump() {
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

    /** When the earliest command in service is due; on the scheduler thread. */
    private long nextDue() {
        SimCommand head = inService.peek();
        return head == null ? Long.MAX_VALUE : head.due;
    }

    /** Moves every arrival, in arrival order, to the waiting line; on the scheduler thread. */
    private void takeArrivals() {
        for (SimCommand c = arrivals.takeAll(); c != null; ) {
            SimCommand next = c.nextArrival;
            c.nextArrival = null;
            waiting.add(c);
            c = next;
        }
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
        for (SimCommand c = arrivals.takeAll(); c != null; ) {
            SimCommand next = c.nextArrival;
            c.fail(PathException.Reason.PATH_REMOVED, "adapter " + name + " is stopped");
            c = next;
        }
    }

    /** Commands in service now; for tests and status. Waits for the scheduler to catch up. */
    public int inService() {
        return onScheduler(() -> inService.size());
    }

    /** Commands waiting for a slot now; for tests and status. Waits for the scheduler to catch up. */
    public int waiting() {
        return onScheduler(() -> {
            takeArrivals();
            return waiting.size();
        });
    }

    private int onScheduler(Callable<Integer> question) {
        try {
            return scheduler.ask(question);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Stops the scheduler thread. Commands still held must already have been failed by their paths. */
    public void shutdown() {
        scheduler.stop();
        failArrivals();
    }
}
