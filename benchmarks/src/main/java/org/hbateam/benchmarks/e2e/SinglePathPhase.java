package org.hbateam.benchmarks.e2e;

import java.util.ArrayList;
import java.util.List;

import org.hbateam.api.path.CommandCallback;
import org.hbateam.api.path.DataPath;
import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.Direction;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.team.Team;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.load.LoadResult;
import org.hbateam.load.LoadSpec;
import org.hbateam.load.QueueDepthLoop;
import org.hbateam.load.Sink;
import org.hbateam.test.direct.DirectFailover;
import org.hbateam.test.direct.IscsiAdapters;
import org.hbateam.testbed.TestBed;

/**
 * Our initiator (driver + team over one path, {@link QueueDepthLoop}) against libiscsi on the same bed path,
 * 128 KiB sequential reads and writes at queue depth 32, in alternating pairs: even pairs run ours first,
 * odd pairs libiscsi first, so neither side always gets the warmer cache.
 */
final class SinglePathPhase {
    static final int BLOCK_BYTES = 128 * 1024;
    static final int DEPTH = 32;
    /** The bed LUN's block size. */
    static final int SECTOR = 512;

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
    private long errors;

    SinglePathPhase(TestBed bed, double seconds, int pairs) {
        this.bed = bed;
        this.seconds = seconds;
        this.pairs = pairs;
    }

    /** One side of a pair: a measurement in MiB/s. */
    private interface Measurement {
        double run() throws Exception;
    }

    Result run() throws Exception {
        LibiscsiPeers libiscsi = new LibiscsiPeers(bed);
        List<Pair> reads = new ArrayList<>();
        List<Pair> writes = new ArrayList<>();
        try (DirectFailover failover = new DirectFailover(FailoverSettings.defaults());
             IscsiAdapters adapters = BedAdapters.start(bed, "sp", List.of(1), failover)) {
            DataPath path = adapters.awaitPaths(1).get(0);
            Team team = failover.team(path.luIdentity());
            Sink viaTeam = Sink.of(team);
            Sink viaDriver = straightTo(path);
            long lunBytes = team.capacityBytes();
            ours(viaTeam, Direction.READ, lunBytes, 1); // warm-up: JIT, session
            for (int i = 0; i < pairs; i++) {
                boolean oursFirst = i % 2 == 0;
                double[] read = inOrder(oursFirst, () -> ours(viaTeam, Direction.READ, lunBytes, seconds),
                        () -> libiscsi.reads(1, BLOCK_BYTES, DEPTH, seconds));
                double[] write = inOrder(oursFirst, () -> ours(viaTeam, Direction.WRITE, lunBytes, seconds),
                        () -> libiscsi.writes(1, BLOCK_BYTES, DEPTH, seconds));
                // Diagnostic, outside the pair: the same loop straight on the driver's path, to show what the team costs.
                double driverRead = ours(viaDriver, Direction.READ, lunBytes, seconds);
                double driverWrite = ours(viaDriver, Direction.WRITE, lunBytes, seconds);
                reads.add(new Pair(read[0], read[1], driverRead));
                writes.add(new Pair(write[0], write[1], driverWrite));
                System.out.printf("single path pair %d: reads ours %.0f libiscsi %.0f driver-only %.0f MiB/s; writes ours %.0f "
                        + "libiscsi %.0f driver-only %.0f MiB/s%n", i + 1, read[0], read[1], driverRead, write[0], write[1], driverWrite);
            }
        }
        return new Result(reads, writes, errors);
    }

    /** {@link #DEPTH} commands of {@link #BLOCK_BYTES} in flight, one direction, one after another over the LU. */
    static QueueDepthLoop load(Sink sink, Direction direction, long lunBytes) {
        return new QueueDepthLoop(sink, LoadSpec.sequential(BLOCK_BYTES, DEPTH, SECTOR, lunBytes, LoadSpec.Directions.always(direction)));
    }

    private double ours(Sink sink, Direction direction, long lunBytes, double runSeconds) throws InterruptedException {
        LoadResult result = load(sink, direction, lunBytes).run(runSeconds);
        errors += result.errors();
        return result.mibPerSecond();
    }

    /** Runs both sides of a pair, ours first or libiscsi first; returns {ours, libiscsi}. */
    private static double[] inOrder(boolean oursFirst, Measurement ours, Measurement libiscsi) throws Exception {
        if (oursFirst) {
            double first = ours.run();
            return new double[] {first, libiscsi.run()};
        }
        double first = libiscsi.run();
        return new double[] {ours.run(), first};
    }

    /** Commands sent straight to one path, bypassing the team. */
    private static Sink straightTo(DataPath path) {
        return (command, done) -> path.submit(command, new CommandCallback() {
            @Override
            public void completed(ScsiCommand c, ScsiResult result) {
                done.accept(result, null);
            }

            @Override
            public void failed(ScsiCommand c, PathException error) {
                done.accept(null, error);
            }
        });
    }
}
