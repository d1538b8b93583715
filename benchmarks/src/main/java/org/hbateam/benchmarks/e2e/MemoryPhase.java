package org.hbateam.benchmarks.e2e;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.stream.IntStream;

import org.hbateam.api.path.DataPath;
import org.hbateam.api.team.Team;
import org.hbateam.api.team.TeamException;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.load.LoadResult;
import org.hbateam.load.LoadSpec;
import org.hbateam.load.QueueDepthLoop;
import org.hbateam.load.Sink;
import org.hbateam.test.direct.DirectFailover;
import org.hbateam.test.direct.IscsiAdapters;
import org.hbateam.testbed.TestBed;

/**
 * The heap an appliance gives hbateam at steady state: two teams (the bed's two LUNs) over four iSCSI paths
 * each, both loaded with mixed 128 KiB reads and writes at queue depth 32, in this JVM (run with -Xmx256m).
 * Two figures: the heap outside the young generation's eden, highest over the run (what survived the young
 * collections: the live data plus garbage promoted and not yet collected, an upper bound of the steady need), and
 * the heap in use after a full collection forced while both loads still run (the live set under load).
 */
final class MemoryPhase {
    static final int PATHS = 4;
    static final int LUNS = 2;
    private static final long SAMPLE_MS = 200;

    record Result(double seconds, long survivingBytes, long liveUnderLoadBytes, long peakUsedBytes, long maxHeapBytes,
                  double mibPerSecond, long errors) {
    }

    private final TestBed bed;
    private final double seconds;

    MemoryPhase(TestBed bed, double seconds) {
        this.bed = bed;
        this.seconds = seconds;
    }

    Result run() throws Exception {
        List<Integer> bedPaths = IntStream.rangeClosed(1, PATHS).boxed().toList();
        try (DirectFailover failover = new DirectFailover(FailoverSettings.defaults().withDefaultPolicy("round-robin"));
             IscsiAdapters adapters = BedAdapters.start(bed, "mem", bedPaths, failover)) {
            failover.useBalancer(AggregationPhase.factory("round-robin", null), "round-robin");
            List<QueueDepthLoop> loads = IntStream.rangeClosed(1, LUNS).mapToObj(lun -> load(failover, adapters, lun)).toList();
            loads.forEach(QueueDepthLoop::start);
            long peakUsed = 0;
            long surviving = 0;
            long end = System.nanoTime() + (long) (seconds * 1e9);
            while (System.nanoTime() < end) {
                Thread.sleep(SAMPLE_MS);
                peakUsed = Math.max(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                surviving = Math.max(surviving, heapOutsideEden());
            }
            System.gc(); // a full collection while both loads still run: what is left is live
            long liveUnderLoad = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long bytes = 0;
            long errors = 0;
            for (QueueDepthLoop load : loads) {
                load.stopAndDrain();
                LoadResult result = load.result();
                bytes += result.bytes();
                errors += result.errors();
            }
            long max = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
            return new Result(seconds, surviving, liveUnderLoad, peakUsed, max, bytes / seconds / (1 << 20), errors);
        }
    }

    private static QueueDepthLoop load(DirectFailover failover, IscsiAdapters adapters, long lun) {
        try {
            List<DataPath> paths = adapters.awaitPaths(lun);
            Team team = failover.team(paths.get(0).luIdentity());
            AggregationPhase.awaitMembers(team, PATHS);
            return new QueueDepthLoop(Sink.of(team), LoadSpec.random(128 * 1024, 32, SinglePathPhase.SECTOR,
                    team.capacityBytes(), LoadSpec.Directions.readPercent(50), lun));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the team of LUN " + lun + " formed", e);
        } catch (TeamException e) {
            throw new IllegalStateException("the team of LUN " + lun + " did not report its capacity", e);
        }
    }

    /** The heap in use outside the young generation's eden (survivor and old pools): what survived collections. */
    private static long heapOutsideEden() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && !pool.getName().contains("Eden")) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }
}
