package org.hbateam.benchmarks.e2e;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * What this JVM (the initiator: driver, failover service, load loop, and the JVM's own GC and JIT threads)
 * spends over a measurement: CPU seconds, user plus system, and bytes allocated by all its threads.
 */
final class ProcessCost {
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private long cpuNanos;
    private Map<Long, Long> allocatedAtStart = Map.of();

    /** Starts a measurement. */
    ProcessCost start() {
        cpuNanos = os.getProcessCpuTime();
        allocatedAtStart = allocated();
        return this;
    }

    /** CPU seconds since {@link #start}. */
    double cpuSeconds() {
        return (os.getProcessCpuTime() - cpuNanos) / 1e9;
    }

    /**
     * Bytes allocated since {@link #start} by the threads alive now (all of a thread's bytes when it started
     * later); a thread that ended in between is not counted, which only lowers the figure. The driver's and the
     * load's threads live through a measurement.
     */
    long allocatedBytes() {
        long total = 0;
        for (Map.Entry<Long, Long> now : allocated().entrySet()) {
            total += now.getValue() - allocatedAtStart.getOrDefault(now.getKey(), 0L);
        }
        return total;
    }

    private Map<Long, Long> allocated() {
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, Long> byThread = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) { // -1: the thread ended while being asked
                byThread.put(ids[i], bytes[i]);
            }
        }
        return byThread;
    }
}
