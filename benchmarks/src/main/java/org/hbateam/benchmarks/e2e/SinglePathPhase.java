package org.hbateam.benchmarks.e2e;

import java.util.ArrayList;
import java.util.List;

import org.hbateam.api.path.DataPath;
import org.hbateam.api.scsi.Direction;
import org.hbateam.api.team.Team;
import org.hbateam.driver.iscsi.internal.BenchAdapters;
import org.hbateam.failover.internal.BenchFailover;
import org.hbateam.testbed.TestBed;

/**
 * Our initiator (driver + team over one path, {@link QueueDepthLoop}) against libiscsi on the same bed path,
 * 128 KiB sequential reads and writes at queue depth 32, in alternating pairs: even pairs run ours first,
 * odd pairs libiscsi first, so neither side always gets the warmer cache.
 */
final class SinglePathPhase {
    static final int BLOCK_BYTES = 128 * 1024;
    static final int DEPTH = 32;

    /** One pair: MiB/s of ours (driver + team), of libiscsi, and of the driver alone (no team), measured after them. */
    record Pair(double ours, double libiscsi, double driverOnly) {
        double ratio() {
            return ours / libiscsi;
        }
    }

    record Result(List<Pair> reads, List<Pair> writes, long errors) {
    }

    private final TestBed bed;
    private final double seconds;
    private final int pairs;

    SinglePathPhase(TestBed bed, double seconds, int pairs) {
        this.bed = bed;
        this.seconds = seconds;
        this.pairs = pairs;
    }

    Result run() throws Exception {
        LibiscsiPeers libiscsi = new LibiscsiPeers(bed);
        List<Pair> reads = new ArrayList<>();
        List<Pair> writes = new ArrayList<>();
        long errors = 0;
        try (BenchFailover failover = new BenchFailover();
             BenchAdapters adapters = new BenchAdapters(bed, "sp", List.of(1), failover)) {
            DataPath path = adapters.awaitPaths(1).get(0);
            Team team = failover.team(path.luIdentity());
            long lunBytes = team.capacityBytes();
            new QueueDepthLoop(team, Direction.READ, BLOCK_BYTES, DEPTH, lunBytes).run(1); // warm-up: JIT, session
            for (int i = 0; i < pairs; i++) {
                boolean oursFirst = i % 2 == 0;
                QueueDepthLoop.Result ourRead = null;
                double theirRead = 0;
                if (!oursFirst) {
                    theirRead = libiscsi.reads(1, BLOCK_BYTES, DEPTH, seconds);
                }
                ourRead = new QueueDepthLoop(team, Direction.READ, BLOCK_BYTES, DEPTH, lunBytes).run(seconds);
                if (oursFirst) {
                    theirRead = libiscsi.reads(1, BLOCK_BYTES, DEPTH, seconds);
                }
                double theirWrite = oursFirst ? 0 : libiscsi.writes(1, BLOCK_BYTES, DEPTH, seconds);
                QueueDepthLoop.Result ourWrite = new QueueDepthLoop(team, Direction.WRITE, BLOCK_BYTES, DEPTH, lunBytes).run(seconds);
                if (oursFirst) {
                    theirWrite = libiscsi.writes(1, BLOCK_BYTES, DEPTH, seconds);
                }
                // Diagnostic, outside the pair: the same loop straight on the driver's path, to show what the team costs.
                QueueDepthLoop.Result driverRead = new QueueDepthLoop(QueueDepthLoop.Sink.of(path), Direction.READ, BLOCK_BYTES,
                        DEPTH, lunBytes).run(seconds);
                QueueDepthLoop.Result driverWrite = new QueueDepthLoop(QueueDepthLoop.Sink.of(path), Direction.WRITE, BLOCK_BYTES,
                        DEPTH, lunBytes).run(seconds);
                errors += ourRead.errors() + ourWrite.errors() + driverRead.errors() + driverWrite.errors();
                reads.add(new Pair(ourRead.mibPerSecond(), theirRead, driverRead.mibPerSecond()));
                writes.add(new Pair(ourWrite.mibPerSecond(), theirWrite, driverWrite.mibPerSecond()));
                System.out.printf("single path pair %d: reads ours %.0f libiscsi %.0f driver-only %.0f MiB/s; writes ours %.0f "
                        + "libiscsi %.0f driver-only %.0f MiB/s%n", i + 1, ourRead.mibPerSecond(), theirRead,
                        driverRead.mibPerSecond(), ourWrite.mibPerSecond(), theirWrite, driverWrite.mibPerSecond());
            }
        }
        return new Result(reads, writes, errors);
    }
}
