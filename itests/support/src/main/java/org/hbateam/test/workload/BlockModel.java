package org.hbateam.test.workload;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What every block of a load may hold. Each owner (a thread or a chain of commands) has its own run of blocks;
 * per block the model keeps the last generation whose write was acknowledged and the last one issued. A block
 * read back is right if it holds a generation between the two: the acknowledged one, or one whose write is in
 * flight or failed (that write may or may not have run). Anything older than the acknowledged generation is
 * <em>stale</em>: a write that was acknowledged has been lost or overtaken by an older one (a ghost). Bytes that
 * are no generation of that block at all are <em>corrupt</em>.
 */
public final class BlockModel {
    /** Reads blocks at a byte offset, through a team, one path directly, the LUN file or libiscsi. */
    public interface Reader {
        void read(long offset, ByteBuffer dst) throws Exception;
    }

    private final long baseOffset;
    private final int blockSize;
    private final int owners;
    private final int blocksPerOwner;
    private final AtomicLongArray acknowledged;
    private final AtomicLongArray issued;
    private final AtomicLong staleBlocks = new AtomicLong();
    private final AtomicLong corruptBlocks = new AtomicLong();
    private final ConcurrentLinkedQueue<String> staleSeen = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> corruptSeen = new ConcurrentLinkedQueue<>();

    /** {@code owners * blocksPerOwner} blocks from byte {@code baseOffset}, which must hold zeros (generation 0). */
    public BlockModel(long baseOffset, int blockSize, int owners, int blocksPerOwner) {
        this.baseOffset = baseOffset;
        this.blockSize = blockSize;
        this.owners = owners;
        this.blocksPerOwner = blocksPerOwner;
        this.acknowledged = new AtomicLongArray(owners * blocksPerOwner);
        this.issued = new AtomicLongArray(owners * blocksPerOwner);
    }

    /** Fills {@code buffer} with the next generation of {@code blocks} blocks from {@code first}, issued now. */
    public void prepareWrite(int owner, int first, int blocks, ByteBuffer buffer) {
        for (int i = 0; i < blocks; i++) {
            long generation = issued.incrementAndGet(index(owner, first + i));
            BlockPattern.fill(buffer, i * blockSize, blockSize, owner, first + i, generation);
        }
    }

    /** The write of {@code buffer} (prepared by {@link #prepareWrite}) was acknowledged by the target. */
    public void acknowledge(int owner, int first, int blocks, ByteBuffer buffer) {
        for (int i = 0; i < blocks; i++) {
            long generation = BlockPattern.generationAt(buffer, i * blockSize, blockSize, owner, first + i);
            acknowledged.accumulateAndGet(index(owner, first + i), generation, Math::max);
        }
    }

    /**
     * Judges blocks read back (via {@code source}, for the messages); returns how many are wrong. Call it only
     * when no write of these blocks was acknowledged after the read was sent, as the owner of the blocks can.
     */
    public int check(int owner, int first, int blocks, ByteBuffer buffer, String source) {
        int wrong = 0;
        for (int i = 0; i < blocks; i++) {
            int block = first + i;
            long held = BlockPattern.generationAt(buffer, i * blockSize, blockSize, owner, block);
            long floor = acknowledged.get(index(owner, block));
            long ceiling = issued.get(index(owner, block));
            if (held == BlockPattern.NOT_A_GENERATION || held > ceiling) {
                wrong++;
                report(corruptBlocks, corruptSeen, "owner " + owner + " block " + block + " via " + source
                        + " holds no generation it was written with (acknowledged " + floor + ", issued " + ceiling + ")");
            } else if (held < floor) {
                wrong++;
                report(staleBlocks, staleSeen, "owner " + owner + " block " + block + " via " + source + " read back generation "
                        + held + " after generation " + floor + " was acknowledged");
            }
        }
        return wrong;
    }

    /** Reads every block through {@code reader} in 64-block pieces; returns the blocks that are wrong. */
    public long verify(Reader reader, String source) throws Exception {
        long wrong = 0;
        ByteBuffer buffer = ByteBuffer.allocate(64 * blockSize);
        for (int owner = 0; owner < owners; owner++) {
            for (int first = 0; first < blocksPerOwner; first += 64) {
                int blocks = Math.min(64, blocksPerOwner - first);
                buffer.clear().limit(blocks * blockSize);
                reader.read(offset(owner, first), buffer);
                wrong += check(owner, first, blocks, buffer, source);
            }
        }
        return wrong;
    }

    /** The byte offset of an owner's block on the LUN. */
    public long offset(int owner, int block) {
        return baseOffset + ((long) owner * blocksPerOwner + block) * blockSize;
    }

    public int blockSize() {
        return blockSize;
    }

    public int owners() {
        return owners;
    }

    public int blocksPerOwner() {
        return blocksPerOwner;
    }

    public long staleBlocks() {
        return staleBlocks.get();
    }

    public long corruptBlocks() {
        return corruptBlocks.get();
    }

    /** The first stale and the first corrupt blocks seen (up to {@code count} of each), for assertion messages. */
    public List<String> firstProblems(int count) {
        List<String> first = new ArrayList<>();
        staleSeen.stream().limit(count).forEach(first::add);
        corruptSeen.stream().limit(count).forEach(first::add);
        return first;
    }

    private static void report(AtomicLong counter, ConcurrentLinkedQueue<String> seen, String problem) {
        // Keep the first problems only: a broken run must not fill the heap with messages.
        if (counter.incrementAndGet() <= 20) {
            seen.add(problem);
        }
    }

    private int index(int owner, int block) {
        return owner * blocksPerOwner + block;
    }
}
