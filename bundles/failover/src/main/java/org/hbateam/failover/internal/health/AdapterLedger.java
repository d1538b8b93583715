package org.hbateam.failover.internal.health;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import org.hbateam.api.scsi.Direction;

/**
 * Cumulative bytes per adapter, shared by every team of one failover service. One adapter can carry
 * paths of many teams ([0042]: "multiple network adapter teams may share a network adapter"), so the
 * dynamic balancer of one team sees the traffic that other teams put on the same adapter.
 * LongAdder because every team's hot path adds to the same adapter cells.
 */
public final class AdapterLedger {
    /** The counters of one adapter; never reset. */
    public static final class AdapterBytes {
        private final LongAdder read = new LongAdder();
        private final LongAdder write = new LongAdder();

        void add(Direction direction, long bytes) {
            if (direction == Direction.READ) {
                read.add(bytes);
            } else if (direction == Direction.WRITE) {
                write.add(bytes);
            }
        }

        public long bytes(Direction direction) {
            if (direction == Direction.READ) {
                return read.sum();
            }
            return direction == Direction.WRITE ? write.sum() : 0L;
        }
    }

    private final ConcurrentMap<String, AdapterBytes> adapters = new ConcurrentHashMap<>();

    /** The counters of {@code adapterId}, created on first use and kept for the life of the service. */
    public AdapterBytes adapter(String adapterId) {
        return adapters.computeIfAbsent(adapterId, id -> new AdapterBytes());
    }
}
