package org.hbateam.driver.sim.internal;

import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hbateam.api.path.PathException;

/**
 * One simulated adapter: a link that services commands in arrival order. A command occupies the link for
 * bytes / bandwidth, then completes after the latency on top; at most queueDepth commands are in service,
 * the rest wait. With enough queue depth to cover the latency the link runs at its bandwidth; with depth 1
 * each command pays the full latency, as on a real HBA.
 *
 * <p>Starting commands is serialised by a work-in-progress counter (one drainer at a time, no lock), which
 * keeps the start order equal to the arrival order. Completions run on the adapter's own scheduler thread.
 */
final class SimAdapter {
    private final String name;
    private final ScheduledThreadPoolExecutor scheduler;
    private final Queue<SimCommand> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inService = new AtomicInteger();
    private final AtomicInteger drainers = new AtomicInteger();
    private final Set<SimPath> paths = new CopyOnWriteArraySet<>();
    private volatile AdapterSettings settings;
    private volatile FaultState fault = FaultState.NONE;
    /** When the link is next free, in System.nanoTime() terms; touched only by the one drainer. */
    private long linkFreeAt = Long.MIN_VALUE;
    /** The scheduler's thread, so that shutdown never waits for itself. */
    private volatile Thread schedulerThread;

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
        if (!newSettings.name().equals(name)) {
            throw new IllegalArgumentException("adapter " + name + " cannot be renamed to " + newSettings.name());
        }
        settings = newSettings;
        drain();
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
        waiting.offer(command);
        drain();
    }

    /** Called when a command's service time is over: frees its slot. */
    void serviceEnded() {
        inService.decrementAndGet();
        drain();
    }

    int inService() {
        return inService.get();
    }

    int waiting() {
        return waiting.size();
    }

    /** Starts waiting commands while slots are free; whoever finds the counter at 0 drains for everyone. */
    private void drain() {
        if (drainers.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            while (inService.get() < settings.queueDepth()) {
                SimCommand next = waiting.poll();
                if (next == null) {
                    break;
                }
                if (!next.isAnswered()) {
                    inService.incrementAndGet();
                    start(next);
                }
            }
            missed = drainers.addAndGet(-missed);
        } while (missed != 0);
    }

    private void start(SimCommand command) {
        AdapterSettings s = settings;
        double factor = command.path.slowFactor();
        long now = System.nanoTime();
        long begin = Math.max(now, linkFreeAt);
        linkFreeAt = begin + (long) (s.transferNanos(command.command.transferLength()) * factor);
        long due = linkFreeAt + (long) (s.latencyNanos() * factor);
        try {
            scheduler.schedule(command, due - now, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            inService.decrementAndGet();
            command.fail(PathException.Reason.PATH_REMOVED, "adapter " + name + " is stopped");
        }
    }

    /** Stops the scheduler thread. Commands still held must already have been failed by their paths. */
    void shutdown() {
        scheduler.shutdownNow();
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
