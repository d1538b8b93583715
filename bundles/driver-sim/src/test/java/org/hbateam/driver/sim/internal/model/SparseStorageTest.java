package org.hbateam.driver.sim.internal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SparseStorageTest {
    private static final long ONE_GIB = 1L << 30;

    @Test
    void writtenBytesReadBackExactlyAcrossPageBoundaries() {
        SparseStorage storage = new SparseStorage(ONE_GIB);
        byte[] pattern = new byte[3 * SparseStorage.PAGE_SIZE + 1000];
        new Random(7).nextBytes(pattern);
        long offset = 5L * SparseStorage.PAGE_SIZE - 300;

        storage.write(offset, ByteBuffer.wrap(pattern), 0, pattern.length);
        byte[] back = new byte[pattern.length];
        storage.read(offset, ByteBuffer.wrap(back), 0, back.length);

        assertArrayEquals(pattern, back, "bytes written over four pages must read back unchanged");
    }

    @Test
    void unwrittenBytesReadAsZerosAndUseNoPages() {
        SparseStorage storage = new SparseStorage(ONE_GIB);
        byte[] back = new byte[4096];
        java.util.Arrays.fill(back, (byte) 0x55);

        storage.read(ONE_GIB - 4096, ByteBuffer.wrap(back), 0, back.length);

        assertArrayEquals(new byte[4096], back, "never-written bytes must read as zeros");
        assertEquals(0, storage.allocatedPages(), "reading must not allocate pages");
    }

    @Test
    void onlyWrittenPagesAreAllocated() {
        SparseStorage storage = new SparseStorage(ONE_GIB);
        ByteBuffer block = ByteBuffer.allocate(512);

        storage.write(0, block, 0, 512);
        storage.write(ONE_GIB - 512, block, 0, 512);
        storage.write(100, block, 0, 512);

        assertEquals(2, storage.allocatedPages(), "two distant writes and one in the first page make two pages");
    }

    @Test
    void directBuffersAndOffsetsInsideTheBufferWork() {
        SparseStorage storage = new SparseStorage(ONE_GIB);
        ByteBuffer source = ByteBuffer.allocateDirect(1024);
        for (int i = 0; i < 1024; i++) {
            source.put(i, (byte) i);
        }
        storage.write(512, source, 512, 512);
        ByteBuffer target = ByteBuffer.allocateDirect(2048);

        storage.read(512, target, 1000, 512);

        for (int i = 0; i < 512; i++) {
            assertEquals((byte) (512 + i), target.get(1000 + i), "byte " + i + " must come from source index 512+i");
        }
    }

    @Test
    void accessOutsideTheCapacityIsRefused() {
        SparseStorage storage = new SparseStorage(SparseStorage.PAGE_SIZE);
        ByteBuffer buffer = ByteBuffer.allocate(1024);

        assertThrows(IndexOutOfBoundsException.class, () -> storage.read(SparseStorage.PAGE_SIZE - 512, buffer, 0, 1024),
                "a read running past the end must be refused");
        assertThrows(IndexOutOfBoundsException.class, () -> storage.write(-1, buffer, 0, 1),
                "a negative offset must be refused");
    }

    @Test
    void resizingKeepsTheDataThatFits() {
        SparseStorage storage = new SparseStorage(4L * SparseStorage.PAGE_SIZE);
        ByteBuffer ones = ByteBuffer.wrap(new byte[] {1, 1, 1, 1});
        storage.write(0, ones, 0, 4);
        storage.write(3L * SparseStorage.PAGE_SIZE, ones, 0, 4);

        SparseStorage grown = storage.resized(ONE_GIB);
        SparseStorage shrunk = storage.resized(2L * SparseStorage.PAGE_SIZE);

        byte[] back = new byte[4];
        grown.read(3L * SparseStorage.PAGE_SIZE, ByteBuffer.wrap(back), 0, 4);
        assertArrayEquals(new byte[] {1, 1, 1, 1}, back, "growing must keep every page");
        assertEquals(1, shrunk.allocatedPages(), "shrinking must drop the pages beyond the new end");
    }
}
