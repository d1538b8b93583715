package org.hbateam.balancer.dynamic.internal;

import org.hbateam.api.balancer.PathSet;
import org.hbateam.api.scsi.Direction;
import org.hbateam.balancer.common.ShareSource;

/**
 * The dynamic shares of one PathSet at one moment, immutable: a tick builds a new snapshot and publishes it
 * whole, so a selection never mixes two ticks. It also keeps what the next tick needs: the configured
 * shares it started from (to notice a reconfiguration), each slot's adapter byte counters at the last
 * tick (the baseline of the interval), and the relaxed mode's count of quiet intervals per slot.
 */
final class ShareSnapshot implements ShareSource {
    final PathSet paths;
    final double[] readShares;
    final double[] writeShares;
    final int[] configuredRead;
    final int[] configuredWrite;
    final long[] adapterRead;
    final long[] adapterWrite;
    final int[] quietRead;
    final int[] quietWrite;

    private ShareSnapshot(PathSet paths, double[] readShares, double[] writeShares, int[] configuredRead,
                          int[] configuredWrite, long[] adapterRead, long[] adapterWrite, int[] quietRead, int[] quietWrite) {
        this.paths = paths;
        this.readShares = readShares;
        this.writeShares = writeShares;
        this.configuredRead = configuredRead;
        this.configuredWrite = configuredWrite;
        this.adapterRead = adapterRead;
        this.adapterWrite = adapterWrite;
        this.quietRead = quietRead;
        this.quietWrite = quietWrite;
    }

    /** Shares recomputed from the team's configuration ([0036]), the interval starting now. */
    static ShareSnapshot configured(PathSet paths) {
        int[] read = configured(paths, Direction.READ);
        int[] write = configured(paths, Direction.WRITE);
        return new ShareSnapshot(paths, toDoubles(read), toDoubles(write), read, write,
            adapterBytes(paths, Direction.READ), adapterBytes(paths, Direction.WRITE), new int[read.length], new int[write.length]);
    }

    /** The next tick's snapshot: new shares and quiet counts, the same configuration, the interval restarting now. */
    ShareSnapshot next(double[] newRead, double[] newWrite, long[] nowRead, long[] nowWrite, int[] newQuietRead,
                       int[] newQuietWrite) {
        return new ShareSnapshot(paths, newRead, newWrite, configuredRead, configuredWrite, nowRead, nowWrite,
            newQuietRead, newQuietWrite);
    }

    /** True when the team's configured shares are no longer those this snapshot started from. */
    boolean configurationChanged() {
        for (int slot = 0; slot < configuredRead.length; slot++) {
            if (paths.configuredShare(slot, Direction.READ) != configuredRead[slot]
                    || paths.configuredShare(slot, Direction.WRITE) != configuredWrite[slot]) {
                return true;
            }
        }
        return false;
    }

    /** The current adapter byte counters of every slot in {@code direction}. */
    static long[] adapterBytes(PathSet paths, Direction direction) {
        long[] bytes = new long[paths.size()];
        for (int slot = 0; slot < bytes.length; slot++) {
            bytes[slot] = paths.adapterBytes(slot, direction);
        }
        return bytes;
    }

    @Override
    public double share(PathSet ignored, int slot, Direction direction) {
        double[] shares = direction == Direction.WRITE ? writeShares : readShares;
        return slot < shares.length ? shares[slot] : 0.0;
    }

    private static int[] configured(PathSet paths, Direction direction) {
        int[] shares = new int[paths.size()];
        for (int slot = 0; slot < shares.length; slot++) {
            shares[slot] = Math.max(0, paths.configuredShare(slot, direction));
        }
        return shares;
    }

    private static double[] toDoubles(int[] values) {
        double[] doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        return doubles;
    }
}
