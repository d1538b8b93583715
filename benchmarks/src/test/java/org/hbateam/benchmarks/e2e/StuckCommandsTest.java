package org.hbateam.benchmarks.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.hbateam.api.scsi.Direction;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.load.LoadSpec;
import org.hbateam.load.QueueDepthLoop;
import org.hbateam.load.Sink;
import org.junit.jupiter.api.Test;

/** The stuck-command watch over a {@link QueueDepthLoop} whose sink holds every command until the test answers it. */
class StuckCommandsTest {
    private static final int BLOCK = 4096;

    /** A sink that keeps each command and its completion, in submission order. */
    private static final class HoldingSink implements Sink {
        final List<ScsiCommand> commands = new ArrayList<>();
        final List<BiConsumer<ScsiResult, Throwable>> pending = new ArrayList<>();

        @Override
        public void submit(ScsiCommand command, BiConsumer<ScsiResult, Throwable> done) {
            commands.add(command);
            pending.add(done);
        }

        /** Completes the command submitted {@code index}-th (0-based) with GOOD. */
        void complete(int index) {
            pending.get(index).accept(ScsiResult.GOOD, null);
        }
    }

    @Test
    void watchesEveryOutstandingCommandUntilItCompletes() throws InterruptedException {
        HoldingSink sink = new HoldingSink();
        QueueDepthLoop load = new QueueDepthLoop(sink, LoadSpec.sequential(BLOCK, 4, 512, 1 << 20,
                LoadSpec.Directions.always(Direction.READ)));
        load.start();
        long fault = System.nanoTime();
        StuckCommands stuck = StuckCommands.watch(load, fault);
        assertEquals(4, stuck.count(), "every slot had one command in flight at the fault");

        sink.complete(0);
        sink.complete(1);
        assertEquals(2, stuck.unfinished(), "two of the four watched commands have not completed");
        sink.complete(4); // slot 0's next command, submitted after the fault: not watched
        assertEquals(2, stuck.unfinished(), "a command submitted after the fault must not count as a stuck one");

        sink.complete(2);
        sink.complete(3);
        stuck.await(System.nanoTime() + 1_000_000_000L);
        assertEquals(0, stuck.unfinished(), "all four watched commands completed");
        List<Double> ms = stuck.completedMs();
        assertEquals(4, ms.size(), "one time per stuck command");
        assertTrue(ms.stream().allMatch(v -> v >= 0), "completions come after the fault: " + ms);
    }

    @Test
    void theMixedLoadWritesOnEveryOtherSlot() {
        HoldingSink sink = new HoldingSink();
        QueueDepthLoop load = new QueueDepthLoop(sink, LoadSpec.sequential(BLOCK, 8, 512, 1 << 20,
                LoadSpec.Directions.alternatingSlots()));
        load.start();
        long writes = sink.commands.stream().filter(c -> c.direction() == Direction.WRITE).count();
        assertEquals(4, writes, "half of the 8 slots write");
        assertEquals(Direction.WRITE, sink.commands.get(1).direction(), "slot 1 writes");
    }
}
