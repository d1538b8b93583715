package org.hbateam.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.hbateam.api.scsi.Direction;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueueDepthLoopTest {
    private static final int BLOCK = 512;
    private final ExecutorService target = Executors.newFixedThreadPool(2);
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicInteger mostOutstanding = new AtomicInteger();
    private final Set<Long> offsets = ConcurrentHashMap.newKeySet();
    private final AtomicLong submitted = new AtomicLong();

    @AfterEach
    void stopTarget() {
        target.shutdownNow();
    }

    /** A target that completes every command on another thread, every {@code failEvery}-th with an error. */
    private Sink target(int failEvery) {
        return (command, done) -> {
            mostOutstanding.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
            offsets.add(ByteBuffer.wrap(command.cdb()).getLong(2) * BLOCK);
            long n = submitted.incrementAndGet();
            target.execute(() -> {
                outstanding.decrementAndGet();
                if (n % failEvery == 0) {
                    done.accept(null, new IllegalStateException("refused " + n));
                } else {
                    done.accept(ScsiResult.good(0), null);
                }
            });
        };
    }

    @Test
    void keepsTheQueueDepthAndCountsEveryCompletionUntilStopped() throws Exception {
        LoadSpec spec = LoadSpec.random(4096, 8, BLOCK, 1 << 20, LoadSpec.Directions.readPercent(50), 1);
        QueueDepthLoop loop = new QueueDepthLoop(target(10), spec);
        loop.start();
        while (submitted.get() < 2000) {
            Thread.sleep(1);
        }
        loop.stop();
        assertTrue(loop.awaitDrained(10, TimeUnit.SECONDS), "every slot's last command completes after stop");
        LoadResult result = loop.result();
        assertEquals(submitted.get(), result.commands() + result.errors(), "each command is counted once");
        assertEquals(submitted.get() / 10, result.errors(), "each refused command is an error");
        assertEquals(result.commands() * 4096, result.bytes(), "bytes are counted for GOOD commands");
        assertTrue(result.bytesRead() > 0 && result.bytesWritten() > 0, "both directions ran: " + result);
        assertEquals(8, mostOutstanding.get(), "never more than the queue depth in flight");
        assertTrue(offsets.stream().allMatch(o -> o % 4096 == 0 && o < (1 << 20)), "aligned offsets in the LU");
        assertEquals(0, loop.inFlight(), "nothing left in flight");
    }

    @Test
    void aSequentialTimedRunWrapsAtTheRegionEndAndStopsByItself() throws Exception {
        LoadSpec spec = new LoadSpec(4096, 4, BLOCK, 8192, 4 * 4096, true, LoadSpec.Directions.always(Direction.WRITE), 0);
        LoadResult result = new QueueDepthLoop(target(Integer.MAX_VALUE), spec).run(0.2);
        assertEquals(Set.of(8192L, 12288L, 16384L, 20480L), offsets, "the four commands of the region, wrapped");
        assertEquals(0, result.bytesRead(), "writes only");
        assertTrue(result.commands() > 4 && result.seconds() > 0, "it ran: " + result);
    }

    @Test
    void anIssuerSendsTheNextCommandsAndLatenciesAreReported() throws Exception {
        ExecutorService issuer = Executors.newSingleThreadExecutor();
        AtomicLong latencies = new AtomicLong();
        try {
            LoadSpec spec = LoadSpec.random(BLOCK, 2, BLOCK, 1 << 16, LoadSpec.Directions.alternatingSlots(), 3);
            QueueDepthLoop loop = new QueueDepthLoop(target(Integer.MAX_VALUE), spec, issuer, nanos -> latencies.incrementAndGet());
            LoadResult result = loop.run(0.1);
            assertEquals(result.commands(), latencies.get(), "one latency per completed command");
        } finally {
            issuer.shutdownNow();
        }
    }
}
