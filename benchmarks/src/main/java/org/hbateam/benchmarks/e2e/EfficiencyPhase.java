package org.hbateam.benchmarks.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.hbateam.api.path.DataPath;
import org.hbateam.api.scsi.Direction;
import org.hbateam.api.team.Team;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.load.LoadResult;
import org.hbateam.load.LoadSpec;
import org.hbateam.load.QueueDepthLoop;
import org.hbateam.load.Sink;
import org.hbateam.test.direct.DirectFailover;
import org.hbateam.test.direct.IscsiAdapters;
import org.hbateam.testbed.BedSummary;
import org.hbateam.testbed.TestBed;

/**
 * What our initiator costs next to libiscsi on one bed path, in alternating pairs as {@link SinglePathPhase}:
 * CPU seconds per GiB moved (each process its own), 4 KiB IOPS at queue depth 32, and the latency of every
 * command (the 4 KiB queue depth 1 row is the latency that hbateam adds). Ours is the driver and a team
 * through {@code Team.submit}; libiscsi is the bed's {@code iscsi-bench} peer (libiscsi's async API), which
 * reports its own CPU time and latencies. tgtd's main thread is sampled during each run, to show when the
 * target is the limit.
 */
final class EfficiencyPhase {
    /** The measured workloads, each run by both sides. */
    enum Workload {
        READ_128K("128 KiB sequential reads, QD 32", "read", 128 * 1024, 32, Direction.READ),
        WRITE_128K("128 KiB sequential writes, QD 32", "write", 128 * 1024, 32, Direction.WRITE),
        RANDREAD_4K("4 KiB random reads, QD 32", "randread", 4096, 32, Direction.READ),
        RANDWRITE_4K("4 KiB random writes, QD 32", "randwrite", 4096, 32, Direction.WRITE),
        LATENCY_4K("4 KiB random reads, QD 1", "randread", 4096, 1, Direction.READ);

        final String label;
        final String peerMode;
        final int ioBytes;
        final int depth;
        final Direction direction;

        Workload(String label, String peerMode, int ioBytes, int depth, Direction direction) {
            this.label = label;
            this.peerMode = peerMode;
            this.ioBytes = ioBytes;
            this.depth = depth;
            this.direction = direction;
        }

        LoadSpec spec(long lunBytes) {
            LoadSpec.Directions always = LoadSpec.Directions.always(direction);
            return peerMode.startsWith("rand")
                    ? LoadSpec.random(ioBytes, depth, SinglePathPhase.SECTOR, lunBytes, always, 42)
                    : LoadSpec.sequential(ioBytes, depth, SinglePathPhase.SECTOR, lunBytes, always);
        }
    }

    /**
     * One side of one run. {@code allocatedBytes} is ours only (-1 for libiscsi); {@code targetBusy} is the share
     * of one core tgtd's main thread used during the run.
     */
    record Sample(double seconds, long bytes, long commands, double cpuSeconds, LatencyRecorder.Percentiles latency,
                  long allocatedBytes, double targetBusy) {
        double mibPerSecond() {
            return bytes / seconds / (1 << 20);
        }

        double iops() {
            return commands / seconds;
        }

        double cpuSecondsPerGiB() {
            return cpuSeconds / (bytes / (double) (1L << 30));
        }
    }

    record Pair(Sample ours, Sample libiscsi) {
    }

    record Result(Map<Workload, List<Pair>> pairs, long errors) {
    }

    private static final int LATENCY_SAMPLES = 1 << 21;
    /** Made once: a fresh 16 MiB array per measurement would feed the collector during the next one. */
    private final LatencyRecorder latencies = new LatencyRecorder(LATENCY_SAMPLES);

    private final TestBed bed;
    private final double seconds;
    private final int pairs;
    private long errors;

    EfficiencyPhase(TestBed bed, double seconds, int pairs) {
        this.bed = bed;
        this.seconds = seconds;
        this.pairs = pairs;
    }

    Result run() throws Exception {
        Map<Workload, List<Pair>> results = new EnumMap<>(Workload.class);
        try (DirectFailover failover = new DirectFailover(FailoverSettings.defaults());
             IscsiAdapters adapters = BedAdapters.start(bed, "ef", List.of(1), failover)) {
            DataPath path = adapters.awaitPaths(1).get(0);
            Team team = failover.team(path.luIdentity());
            long lunBytes = team.capacityBytes();
            for (Workload w : Workload.values()) {
                ours(team, w, lunBytes, 1); // warm-up: JIT for each command size and queue depth
            }
            for (int i = 0; i < pairs; i++) {
                boolean oursFirst = i % 2 == 0;
                for (Workload w : Workload.values()) {
                    Sample first = oursFirst ? ours(team, w, lunBytes, seconds) : libiscsi(w);
                    Sample second = oursFirst ? libiscsi(w) : ours(team, w, lunBytes, seconds);
                    Pair pair = oursFirst ? new Pair(first, second) : new Pair(second, first);
                    results.computeIfAbsent(w, k -> new ArrayList<>()).add(pair);
                    System.out.printf("efficiency pair %d, %s: ours %.0f IOPS %.2f CPU s/GiB p50 %.0f us; libiscsi %.0f IOPS "
                            + "%.2f CPU s/GiB p50 %.0f us%n", i + 1, w.label, pair.ours().iops(), pair.ours().cpuSecondsPerGiB(),
                            pair.ours().latency().p50(), pair.libiscsi().iops(), pair.libiscsi().cpuSecondsPerGiB(),
                            pair.libiscsi().latency().p50());
                }
            }
        }
        return new Result(results, errors);
    }

    private Sample ours(Team team, Workload w, long lunBytes, double runSeconds) throws Exception {
        latencies.reset();
        QueueDepthLoop loop = new QueueDepthLoop(Sink.of(team), w.spec(lunBytes), Runnable::run, latencies);
        TargetCpu target = new TargetCpu(bed.targetPid()).start();
        ProcessCost cost = new ProcessCost().start();
        LoadResult result = loop.run(runSeconds);
        double cpu = cost.cpuSeconds();
        long allocated = cost.allocatedBytes();
        errors += result.errors();
        return new Sample(result.seconds(), result.bytes(), result.commands(), cpu, latencies.percentiles(), allocated,
                target.busyFraction());
    }

    private Sample libiscsi(Workload w) throws Exception {
        TargetCpu target = new TargetCpu(bed.targetPid()).start();
        BedSummary line = bed.tools().withTimeout(Duration.ofSeconds((long) seconds + 30))
                .bench(w.peerMode, 1, 1, w.ioBytes, w.depth, seconds);
        double busy = target.busyFraction();
        if (line.longValue("errors") != 0) {
            throw new IllegalStateException("iscsi-bench had failed commands: " + line);
        }
        LatencyRecorder.Percentiles latency = new LatencyRecorder.Percentiles(Double.parseDouble(line.get("lat_p50_us")),
                Double.parseDouble(line.get("lat_p99_us")), Double.parseDouble(line.get("lat_p999_us")));
        return new Sample(Double.parseDouble(line.get("seconds")), line.longValue("bytes"), line.longValue("ios"),
                Double.parseDouble(line.get("cpu_s")), latency, -1, busy);
    }
}
