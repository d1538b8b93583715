package org.hbateam.testbed;

/** What READ CAPACITY(16) reported: the number of logical blocks and their length. */
public record Capacity(long blocks, int blockSize) {

    public long bytes() {
        return blocks * blockSize;
    }
}
