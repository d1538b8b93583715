package org.hbateam.failover.internal.team;

import org.hbateam.api.balancer.PathSet;
import org.hbateam.api.scsi.Direction;
import org.hbateam.failover.internal.health.PathEntry;

/**
 * The team's paths at one moment, in priority order: slot 0 is the highest priority. Membership, shares
 * and priority groups are fixed for the life of the object (the team replaces it, copy-on-write, when they
 * change); usability and counters are read live from the entries. All accessors are lock-free and
 * allocation-free.
 *
 * <p>Priority groups: a slot is {@link #usable} only while no usable path of a better (lower-numbered) group
 * exists, so a balancer spreads I/O across the best group that has a usable path (dm-multipath's path
 * groups). The team recomputes the active group whenever a path's usability changes.
 */
public final class TeamPathSet implements PathSet {
    private final PathEntry[] entries;
    private final int[] readShares;
    private final int[] writeShares;
    private final int[] groups;
    private volatile int activeGroup;

    TeamPathSet(PathEntry[] entries, int[] readShares, int[] writeShares, int[] groups) {
        this.entries = entries;
        this.readShares = readShares;
        this.writeShares = writeShares;
        this.groups = groups;
        recomputeActiveGroup();
    }

    static TeamPathSet empty() {
        return new TeamPathSet(new PathEntry[0], new int[0], new int[0], new int[0]);
    }

    /** Finds the best group with a usable path; called after any usability change. */
    void recomputeActiveGroup() {
        int best = Integer.MAX_VALUE;
        for (int i = 0; i < entries.length; i++) {
            if (entries[i].usable() && groups[i] < best) {
                best = groups[i];
            }
        }
        activeGroup = best;
    }

    public PathEntry entry(int slot) {
        return entries[slot];
    }

    /** The slot of {@code entry} in this set, or -1. */
    public int slotOf(PathEntry entry) {
        for (int i = 0; i < entries.length; i++) {
            if (entries[i] == entry) {
                return i;
            }
        }
        return -1;
    }

    public int group(int slot) {
        return groups[slot];
    }

    /** True when one slot's configured share for {@code direction} is 100%: the patent's switch to failover mode. */
    public boolean hasFullShare(Direction direction) {
        int[] shares = direction == Direction.WRITE ? writeShares : readShares;
        for (int share : shares) {
            if (share >= 100) {
                return true;
            }
        }
        return false;
    }

    /** The number of slots a balancer may use now. */
    public int usableCount() {
        int count = 0;
        for (int i = 0; i < entries.length; i++) {
            if (usable(i)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public int size() {
        return entries.length;
    }

    @Override
    public String pathId(int slot) {
        return entries[slot].identity.pathId();
    }

    @Override
    public String adapterId(int slot) {
        return entries[slot].identity.adapterId();
    }

    @Override
    public boolean usable(int slot) {
        return entries[slot].usable() && groups[slot] <= activeGroup;
    }

    @Override
    public int configuredShare(int slot, Direction direction) {
        return direction == Direction.WRITE ? writeShares[slot] : readShares[slot];
    }

    @Override
    public long windowBytes(int slot, Direction direction) {
        return entries[slot].counters.windowBytes(direction);
    }

    @Override
    public long totalBytes(int slot, Direction direction) {
        return entries[slot].counters.totalBytes(direction);
    }

    @Override
    public long adapterBytes(int slot, Direction direction) {
        return entries[slot].adapterBytes.bytes(direction);
    }

    @Override
    public int inFlightCommands(int slot) {
        return entries[slot].counters.inFlightCommands();
    }

    @Override
    public long inFlightBytes(int slot) {
        return entries[slot].counters.inFlightBytes();
    }

    @Override
    public long averageLatencyNanos(int slot) {
        return entries[slot].counters.averageLatencyNanos();
    }

    @Override
    public long throughputBytesPerSecond(int slot) {
        return entries[slot].counters.throughputBytesPerSecond();
    }
}
