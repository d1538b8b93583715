package org.hbateam.test.workload;

import java.nio.ByteBuffer;

/**
 * The bytes of one generation-stamped block: every 8-byte word depends on the owner, the block, the generation
 * and its position, so a block read back names the generation it holds, and a torn or misplaced block names
 * none. Generation 0 is a fresh LUN: zeros.
 */
final class BlockPattern {
    /** What {@link #generationAt} returns for bytes that are no generation of this owner's block. */
    static final long NOT_A_GENERATION = -1;
    private static final long SALT = 0x6A09E667F3BCC909L;
    private static final int GENERATION_SHIFT = 40;

    private BlockPattern() {
    }

    /** Writes generation {@code generation} of {@code owner}'s {@code block} at byte {@code at} of {@code buffer}. */
    static void fill(ByteBuffer buffer, int at, int blockSize, int owner, int block, long generation) {
        for (int i = 0; i < blockSize; i += 8) {
            buffer.putLong(at + i, word(owner, block, generation, i));
        }
    }

    /**
     * The generation the block at byte {@code at} holds, decoded from its first word and checked against every
     * other word; {@link #NOT_A_GENERATION} when the block is torn, belongs elsewhere or is garbage.
     */
    static long generationAt(ByteBuffer buffer, int at, int blockSize, int owner, int block) {
        long generation = decode(buffer.getLong(at), owner, block);
        if (generation == NOT_A_GENERATION) {
            return NOT_A_GENERATION;
        }
        for (int i = 8; i < blockSize; i += 8) {
            if (buffer.getLong(at + i) != word(owner, block, generation, i)) {
                return NOT_A_GENERATION;
            }
        }
        return generation;
    }

    private static long decode(long first, int owner, int block) {
        if (first == 0) {
            return 0;
        }
        long shifted = first ^ SALT ^ ((long) owner << 32) ^ ((long) block << 12);
        boolean clean = (shifted & ((1L << GENERATION_SHIFT) - 1)) == 0 && shifted > 0;
        return clean ? shifted >>> GENERATION_SHIFT : NOT_A_GENERATION;
    }

    /** Unique per owner (< 256), block (< 2^20), generation (< 2^23) and position (< 4096). */
    private static long word(int owner, int block, long generation, int at) {
        return generation == 0 ? 0L
                : (generation << GENERATION_SHIFT) ^ ((long) owner << 32) ^ ((long) block << 12) ^ at ^ SALT;
    }
}
