package org.hbateam.balancer.common;

import org.hbateam.api.balancer.PathSet;
import org.hbateam.api.scsi.Direction;

/**
 * Where the proportional rule gets a slot's share from. The static balancer reads the team's configured
 * shares; the dynamic balancer passes an immutable snapshot of the shares its timer computed, so one
 * selection never sees half of an update.
 */
@FunctionalInterface
public interface ShareSource {
    /** The share of {@code slot} in percent for {@code direction} (READ or WRITE); 0 or more. */
    double share(PathSet paths, int slot, Direction direction);
}
