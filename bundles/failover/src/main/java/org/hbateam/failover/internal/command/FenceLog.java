package org.hbateam.failover.internal.command;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.hbateam.failover.internal.health.PathEntry;

/**
 * The fence events of one team, logged without flooding: when a link dies with hundreds of commands in flight,
 * each of them waits for a fence, so one line per command would bury the log. The first event logs at once;
 * after that, at most one line per {@link #INTERVAL_NANOS} per kind, saying how many were left out. The counts
 * are also kept, since the exported team status has no field for them.
 */
final class FenceLog {
    private static final Logger LOG = LoggerFactory.getLogger(FenceLog.class);
    static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long NEVER = Long.MIN_VALUE;

    private final String team;
    private final LongAdder waited = new LongAdder();
    private final LongAdder fenced = new LongAdder();
    private final LongAdder timedOut = new LongAdder();
    private final AtomicLong lastWaitLog = new AtomicLong(NEVER);
    private final AtomicLong lastTimeoutLog = new AtomicLong(NEVER);
    private final LongAdder waitsUnlogged = new LongAdder();
    private final LongAdder timeoutsUnlogged = new LongAdder();

    FenceLog(String team) {
        this.team = team;
    }

    /** A command's outcome on {@code path} is unknown: its retry waits for the fence. */
    void waiting(PathEntry path, Object error, long nowNanos) {
        waited.increment();
        if (due(lastWaitLog, nowNanos, waitsUnlogged)) {
            LOG.info("team {}: a command's outcome on {} is unknown ({}); its retry waits for the path to fence it "
                    + "({} more since the last line; {} fenced, {} fence timeouts so far)",
                    team, path, error, waitsUnlogged.sumThenReset(), fenced.sum(), timedOut.sum());
        }
    }

    void fenced() {
        fenced.increment();
    }

    /** The fence did not come in time: the command failed up with an unknown outcome. */
    void timedOut(PathEntry path, String why, long nowNanos) {
        timedOut.increment();
        if (due(lastTimeoutLog, nowNanos, timeoutsUnlogged)) {
            LOG.warn("team {}: a command could not be fenced on {} ({}); it failed with an unknown outcome, not retried "
                    + "({} more since the last line)", team, path, why, timeoutsUnlogged.sumThenReset());
        }
    }

    long waited() {
        return waited.sum();
    }

    long fencedCount() {
        return fenced.sum();
    }

    long timedOutCount() {
        return timedOut.sum();
    }

    /** True when this event may log now; otherwise it is counted for the next line. */
    private static boolean due(AtomicLong last, long nowNanos, LongAdder unlogged) {
        long previous = last.get();
        if ((previous == NEVER || nowNanos - previous >= INTERVAL_NANOS) && last.compareAndSet(previous, nowNanos)) {
            return true;
        }
        unlogged.increment();
        return false;
    }
}
