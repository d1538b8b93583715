package org.hbateam.balancer.common;

import org.hbateam.api.balancer.PathSet;
import org.hbateam.api.scsi.Direction;

/**
 * The share each slot actually receives, for display: what {@link ProportionalSelector} converges to.
 * Shares of failed slots are spread over the usable ones in proportion, so the result over all slots adds
 * up to 100 whenever one slot is usable, and to 0 when none is.
 */
public final class EffectiveShares {
    private EffectiveShares() {
    }

    /** The effective share of {@code slot} in percent: its share over the usable slots' sum; 0 when unusable. */
    public static double proportional(PathSet paths, int slot, Direction direction, ShareSource shares) {
        if (slot >= paths.size() || !paths.usable(slot)) {
            return 0.0;
        }
        double sum = 0;
        int usable = 0;
        for (int other = 0; other < paths.size(); other++) {
            if (paths.usable(other)) {
                sum += Math.max(0.0, shares.share(paths, other, direction));
                usable++;
            }
        }
        if (sum > 0) {
            return 100.0 * Math.max(0.0, shares.share(paths, slot, direction)) / sum;
        }
        return 100.0 / usable; // no usable slot has a share: the selector splits evenly
    }

    /** An equal split over the usable slots, for strategies without shares; 0 for an unusable slot. */
    public static double equal(PathSet paths, int slot) {
        if (slot >= paths.size() || !paths.usable(slot)) {
            return 0.0;
        }
        int usable = 0;
        for (int other = 0; other < paths.size(); other++) {
            if (paths.usable(other)) {
                usable++;
            }
        }
        return 100.0 / usable;
    }
}
