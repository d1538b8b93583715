package org.hbateam.balancer.static_.internal;

import org.hbateam.api.balancer.Balancer;
import org.hbateam.api.balancer.PathSet;
import org.hbateam.api.balancer.TeamView;
import org.hbateam.api.scsi.Direction;
import org.hbateam.balancer.common.ChoiceClock;
import org.hbateam.balancer.common.Directions;
import org.hbateam.balancer.common.EffectiveShares;
import org.hbateam.balancer.common.ProportionalSelector;
import org.hbateam.balancer.common.ShareLine;
import org.hbateam.balancer.common.ShareSource;

/**
 * One team's static balancing (FIG. 4): every command goes to the usable path whose window bytes are
 * furthest below its configured share, reads and writes separately ([0025]). All counters live with the
 * team; the only state here is when each slot was last chosen, for ties.
 */
public final class StaticBalancer implements Balancer {
    /** The team's configured shares, read live so a share reconfiguration applies at once. */
    private static final ShareSource CONFIGURED = (paths, slot, direction) -> paths.configuredShare(slot, direction);

    private final TeamView team;
    private volatile ChoiceClock clock;

    /** A balancer for {@code team}, starting from the team's current paths. */
    public StaticBalancer(TeamView team) {
        this.team = team;
        this.clock = new ChoiceClock(team.paths().size());
    }

    /** The usable slot with the largest (TotalTeamBytes / DataPathBytes) × Share; NO_PATH when none is usable. */
    @Override
    public int select(PathSet paths, Direction direction, long bytes) {
        return ProportionalSelector.select(paths, Directions.balanced(direction), CONFIGURED, clock);
    }

    /** Forgets which slot was chosen when, since the slot numbers changed; shares come from the new set. */
    @Override
    public void pathsChanged(PathSet paths) {
        clock = new ChoiceClock(paths.size());
    }

    /** The configured share spread over the usable slots in proportion; 0 for an unusable slot. */
    @Override
    public double share(PathSet paths, int slot, Direction direction) {
        return EffectiveShares.proportional(paths, slot, Directions.balanced(direction), CONFIGURED);
    }

    /** The policy and the effective read and write shares of every slot. */
    @Override
    public String status() {
        PathSet paths = team.paths();
        return "static: " + ShareLine.of(this, paths, Direction.READ) + "; " + ShareLine.of(this, paths, Direction.WRITE);
    }
}
