package org.hbateam.shell.internal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.HdrHistogram.Histogram;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;
import org.junit.jupiter.api.Test;

class BenchRunTest {
    private static final int BLOCK = 512;
    private static final long CAPACITY = 1L << 30;

    @Test
    void aMixedRunStaysInTheScratchRegionAndCountsEveryCommand() throws Exception {
        InlineTeam team = new InlineTeam();
        BenchSpec spec = BenchSpec.parse("64k", 50, 4, "1s", "1m", true);
        Histogram latencies;
        try (BenchRun run = new BenchRun(team, spec, BLOCK, CAPACITY)) {
            run.start();
            while (run.commands() < 2_000) {
                Thread.sleep(5);
            }
            run.stop();
            assertTrue(run.awaitDrained(5_000), "every command finishes after stop");
            latencies = run.intervalLatencies();
            assertEquals(run.commands(), latencies.getTotalCount(), "one latency per completed command");
            assertEquals(run.commands() * 64 * 1024, run.bytesRead() + run.bytesWritten(), "bytes are I/O size times commands");
            assertTrue(run.bytesWritten() > 0 && run.bytesRead() > 0, "a 50 % mix both reads and writes");
            assertEquals(0, run.errors(), "an always-good team gives no errors");
        }
        long regionStartLba = (CAPACITY - (1 << 20)) / BLOCK;
        for (ScsiCommand command : team.seen) {
            long lba = Cdb.lba(command);
            assertTrue(lba >= regionStartLba && (lba + Cdb.blocks(command)) * BLOCK <= CAPACITY,
                    "every command addresses the last 1 MiB of the LUN, got LBA " + lba);
        }
    }

    @Test
    void failedCommandsAreCountedAsErrorsWithTheLastMessage() throws Exception {
        InlineTeam team = new InlineTeam();
        team.fail = true;
        try (BenchRun run = new BenchRun(team, BenchSpec.parse("4k", 100, 2, "1s", "64m", false), BLOCK, CAPACITY)) {
            run.start();
            while (run.errors() < 10) {
                Thread.sleep(5);
            }
            run.stop();
            run.awaitDrained(5_000);
            assertEquals(0, run.commands(), "no command succeeded");
            assertEquals("no path", run.lastError(), "the failure's message is kept for the report");
        }
    }

    /** Completes every command on the submitting thread, as a fast driver may. */
    private static final class InlineTeam implements Team {
        final ConcurrentLinkedQueue<ScsiCommand> seen = new ConcurrentLinkedQueue<>();
        volatile boolean fail;

        @Override
        public CompletionStage<ScsiResult> submit(ScsiCommand command) {
            seen.add(command);
            return fail ? CompletableFuture.failedFuture(new IllegalStateException("no path"))
                    : CompletableFuture.completedFuture(ScsiResult.GOOD);
        }

        @Override
        public String name() {
            return "t";
        }

        @Override
        public String luIdentity() {
            return "lu";
        }

        @Override
        public String policy() {
            return "static";
        }

        @Override
        public List<PathInfo> paths() {
            return List.of();
        }

        @Override
        public ScsiResult execute(ScsiCommand command) {
            throw new UnsupportedOperationException("bench submits asynchronously");
        }

        @Override
        public int blockSize() {
            return BLOCK;
        }

        @Override
        public long capacityBytes() {
            return CAPACITY;
        }

        @Override
        public void read(long offset, ByteBuffer dst) {
            throw new UnsupportedOperationException("bench submits asynchronously");
        }

        @Override
        public void write(long offset, ByteBuffer src) {
            throw new UnsupportedOperationException("bench submits asynchronously");
        }
    }
}
