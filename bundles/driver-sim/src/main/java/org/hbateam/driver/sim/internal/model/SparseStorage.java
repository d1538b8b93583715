package org.hbateam.driver.sim.internal.model;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The bytes of one simulated LUN, in memory, allocated a 64 KiB page at a time on first write. Unwritten
 * bytes read as zeros. Thread-safe: pages are created with a compare-and-set, and reads and writes copy
 * without locking, so concurrent writes to the same bytes may interleave, as on a real disk.
 *
 * <p>Pages sit in a two-level table (chunks of 1024 pages), so that looking one up allocates nothing and a
 * 16 TiB LUN needs only a 1 MiB directory.
 */
public final class SparseStorage {
    static final int PAGE_SIZE = 64 * 1024;
    private static final int PAGE_SHIFT = 16;
    private static final int CHUNK_SHIFT = 10;
    private static final int CHUNK_PAGES = 1 << CHUNK_SHIFT;

    private final long capacity;
    private final AtomicReferenceArray<AtomicReferenceArray<byte[]>> chunks;
    private final byte[] zeros = new byte[PAGE_SIZE];

    public SparseStorage(long capacity) {
        if (capacity <= 0 || capacity % PAGE_SIZE != 0) {
            throw new IllegalArgumentException(
                    "capacity must be a positive multiple of " + PAGE_SIZE + ", was " + capacity);
        }
        this.capacity = capacity;
        long pages = capacity >>> PAGE_SHIFT;
        this.chunks = new AtomicReferenceArray<>((int) ((pages + CHUNK_PAGES - 1) >>> CHUNK_SHIFT));
    }

    public long capacity() {
        return capacity;
    }

    /** Copies {@code length} bytes at {@code offset} into {@code dst} from absolute index {@code dstIndex}. */
    void read(long offset, ByteBuffer dst, int dstIndex, int length) {
        checkRange(offset, length);
        while (length > 0) {
            int inPage = (int) (offset & (PAGE_SIZE - 1));
            int n = Math.min(length, PAGE_SIZE - inPage);
            byte[] page = page(offset >>> PAGE_SHIFT);
            if (page == null) {
                dst.put(dstIndex, zeros, 0, n);
            } else {
                dst.put(dstIndex, page, inPage, n);
            }
            offset += n;
            dstIndex += n;
            length -= n;
        }
    }

    /** Copies {@code length} bytes from {@code src} at absolute index {@code srcIndex} to {@code offset}. */
    void write(long offset, ByteBuffer src, int srcIndex, int length) {
        checkRange(offset, length);
        while (length > 0) {
            int inPage = (int) (offset & (PAGE_SIZE - 1));
            int n = Math.min(length, PAGE_SIZE - inPage);
            src.get(srcIndex, pageForWrite(offset >>> PAGE_SHIFT), inPage, n);
            offset += n;
            srcIndex += n;
            length -= n;
        }
    }

    /**
     * A storage of {@code newCapacity} bytes that starts with this one's pages (those that fit). The pages are
     * shared, not copied, so call it only while no I/O runs on this storage.
     */
    public SparseStorage resized(long newCapacity) {
        SparseStorage copy = new SparseStorage(newCapacity);
        int common = Math.min(chunks.length(), copy.chunks.length());
        long lastPage = Math.min(capacity, newCapacity) >>> PAGE_SHIFT;
        for (int c = 0; c < common; c++) {
            AtomicReferenceArray<byte[]> chunk = chunks.get(c);
            for (int p = 0; chunk != null && p < CHUNK_PAGES && ((long) c << CHUNK_SHIFT) + p < lastPage; p++) {
                byte[] page = chunk.get(p);
                if (page != null) {
                    System.arraycopy(page, 0, copy.pageForWrite(((long) c << CHUNK_SHIFT) + p), 0, PAGE_SIZE);
                }
            }
        }
        return copy;
    }

    /** How many pages hold data; for tests and status. */
    long allocatedPages() {
        long count = 0;
        for (int c = 0; c < chunks.length(); c++) {
            AtomicReferenceArray<byte[]> chunk = chunks.get(c);
            for (int p = 0; chunk != null && p < CHUNK_PAGES; p++) {
                count += chunk.get(p) == null ? 0 : 1;
            }
        }
        return count;
    }

    private byte[] page(long pageIndex) {
        AtomicReferenceArray<byte[]> chunk = chunks.get((int) (pageIndex >>> CHUNK_SHIFT));
        return chunk == null ? null : chunk.get((int) (pageIndex & (CHUNK_PAGES - 1)));
    }

    private byte[] pageForWrite(long pageIndex) {
        int c = (int) (pageIndex >>> CHUNK_SHIFT);
        AtomicReferenceArray<byte[]> chunk = chunks.get(c);
        if (chunk == null) {
            chunks.compareAndSet(c, null, new AtomicReferenceArray<>(CHUNK_PAGES));
            chunk = chunks.get(c);
        }
        int p = (int) (pageIndex & (CHUNK_PAGES - 1));
        byte[] page = chunk.get(p);
        if (page == null) {
            chunk.compareAndSet(p, null, new byte[PAGE_SIZE]);
            page = chunk.get(p);
        }
        return page;
    }

    private void checkRange(long offset, int length) {
        if (offset < 0 || length < 0 || offset > capacity - length) {
            throw new IndexOutOfBoundsException("bytes " + offset + "+" + length + " outside capacity " + capacity);
        }
    }
}
