package org.hbateam.failover.internal.command;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.team.TeamException;

/**
 * The commands of one team whose target said "not now" ({@link TargetRetries}) and that wait out their
 * backoff before they are sent again. Nothing sleeps: the sweeper sends those that are due on its pass, so
 * the backoff is rounded up to the sweep interval (50 ms by default). Each command's budget is
 * {@code targetRetryMs} from its first such answer; a resend that could not start within it is not made,
 * and the target's last answer goes to the caller as it is.
 */
final class TargetRetryQueue {
    private record Backoff(PendingCommand pending, long dueNanos) {
    }

    private final ConcurrentLinkedQueue<Backoff> waiting = new ConcurrentLinkedQueue<>();
    private final Consumer<PendingCommand> send;

    /** @param send sends a command again (through the router: the same path or another) */
    TargetRetryQueue(Consumer<PendingCommand> send) {
        this.send = send;
    }

    /**
     * Queues the command for a resend after its backoff, or delivers {@code result} when its budget of
     * {@code budgetNanos} cannot cover that wait; true when it was queued.
     */
    boolean offer(PendingCommand pending, ScsiResult result, long nowNanos, long budgetNanos) {
        int retry = pending.countTargetRetry(nowNanos);
        long due = nowNanos + TargetRetries.backoffNanos(retry);
        if (due - pending.targetRetrySinceNanos() > budgetNanos) {
            pending.deliver(result);
            return false;
        }
        waiting.add(new Backoff(pending, due));
        return true;
    }

    /** Hands the commands whose backoff is over to {@code executor} to be sent again (the sweeper's pass). */
    void sendDue(long nowNanos, Executor executor) {
        for (Backoff backoff : waiting) {
            if (nowNanos - backoff.dueNanos() >= 0 && waiting.remove(backoff)) {
                executor.execute(() -> send.accept(backoff.pending()));
            }
        }
    }

    /** Fails every waiting command once with {@code error} (the team closed). */
    void failAll(TeamException error) {
        Backoff backoff;
        while ((backoff = waiting.poll()) != null) {
            backoff.pending().fail(error);
        }
    }

    int size() {
        return waiting.size();
    }
}
