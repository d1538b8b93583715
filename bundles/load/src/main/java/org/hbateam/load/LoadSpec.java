package org.hbateam.load;

import java.util.SplittableRandom;

import org.hbateam.api.scsi.Direction;

/**
 * What a {@link QueueDepthLoop} sends: {@code depth} commands of {@code ioBytes} each in flight, at offsets in
 * the region of {@code regionBytes} from byte {@code regionStart}, in order (wrapping at the region's end) or at
 * random aligned offsets, each read or write as {@link #directions} decides.
 *
 * @param blockSize  the LU's logical block size; {@code ioBytes} and {@code regionStart} are multiples of it
 * @param sequential true: one shared offset advanced by every command; false: random, per slot
 * @param seed       the random offsets' and directions' seed (each slot derives its own)
 */
public record LoadSpec(int ioBytes, int depth, int blockSize, long regionStart, long regionBytes, boolean sequential,
                       Directions directions, long seed) {
    /** Decides each command's direction; called by the slot's own thread, never concurrently for one slot. */
    @FunctionalInterface
    public interface Directions {
        Direction next(int slot, SplittableRandom random);

        /** Each command reads with probability {@code readPercent} %. */
        static Directions readPercent(int readPercent) {
            return (slot, random) -> random.nextInt(100) < readPercent ? Direction.READ : Direction.WRITE;
        }

        /** Even slots read, odd slots write: a fault always catches writes in flight. */
        static Directions alternatingSlots() {
            return (slot, random) -> slot % 2 == 0 ? Direction.READ : Direction.WRITE;
        }

        static Directions always(Direction direction) {
            return (slot, random) -> direction;
        }
    }

    public LoadSpec {
        if (ioBytes <= 0 || ioBytes % blockSize != 0) {
            throw new IllegalArgumentException(ioBytes + " bytes is not a multiple of the block size " + blockSize);
        }
        if (depth < 1) {
            throw new IllegalArgumentException("queue depth " + depth + " is less than 1");
        }
        if (regionBytes < ioBytes) {
            throw new IllegalArgumentException(ioBytes + " bytes is larger than the region of " + regionBytes);
        }
    }

    /** Commands of {@code ioBytes} at random aligned offsets over the whole LU of {@code luBytes}. */
    public static LoadSpec random(int ioBytes, int depth, int blockSize, long luBytes, Directions directions, long seed) {
        return new LoadSpec(ioBytes, depth, blockSize, 0, luBytes, false, directions, seed);
    }

    /** Commands of {@code ioBytes} one after another over the whole LU of {@code luBytes}, wrapping at its end. */
    public static LoadSpec sequential(int ioBytes, int depth, int blockSize, long luBytes, Directions directions) {
        return new LoadSpec(ioBytes, depth, blockSize, 0, luBytes, true, directions, 0);
    }

    /** How many commands fit in the region. */
    long commandsInRegion() {
        return regionBytes / ioBytes;
    }
}
