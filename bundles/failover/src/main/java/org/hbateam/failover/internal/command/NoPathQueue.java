package org.hbateam.failover.internal.command;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.hbateam.api.team.NoUsablePathException;

/**
 * The commands of one team that found no usable path. They wait here, lock-free, until a path becomes
 * usable (the team releases them at once, and the sweeper again as a safety net) or until they have waited
 * {@code noPathRetryMs}; a released command goes through {@link CommandFlow#dispatch} again, so one that
 * still finds no path simply waits once more.
 */
final class NoPathQueue {
    private final ConcurrentLinkedQueue<PendingCommand> waiting = new ConcurrentLinkedQueue<>();
    private final CommandFlow flow;

    NoPathQueue(CommandFlow flow) {
        this.flow = flow;
    }

    void add(PendingCommand pending, long nowNanos) {
        pending.queuedAt(nowNanos);
        waiting.add(pending);
    }

    /** Sends every command that was waiting when this started; those that still find no path wait again. */
    void release() {
        for (int n = waiting.size(); n > 0; n--) {
            PendingCommand pending = waiting.poll();
            if (pending == null) {
                return;
            }
            flow.dispatch(pending);
        }
    }

    /** Fails the commands that have waited {@code limitNanos} or longer, each once, naming the team. */
    void expire(long nowNanos, long limitNanos, String team) {
        for (PendingCommand pending : waiting) {
            long waited = nowNanos - pending.queuedAtNanos();
            if (waited >= limitNanos && waiting.remove(pending)) {
                pending.fail(new NoUsablePathException(team, TimeUnit.NANOSECONDS.toMillis(waited)));
            }
        }
    }

    /** Takes the oldest waiting command out, or null. */
    PendingCommand poll() {
        return waiting.poll();
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    int size() {
        return waiting.size();
    }
}
