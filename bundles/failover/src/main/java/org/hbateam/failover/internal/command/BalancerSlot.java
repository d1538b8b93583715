package org.hbateam.failover.internal.command;

import java.util.concurrent.atomic.AtomicBoolean;

import org.hbateam.api.balancer.Balancer;
import org.hbateam.api.balancer.BalancerFactory;
import org.hbateam.api.balancer.TeamView;
import org.hbateam.api.scsi.Direction;
import org.hbateam.failover.internal.team.TeamPathSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The balancer a team uses now, with its failures contained: a balancer that throws (from create,
 * select or any notification) is treated as absent from then on, logged once, and the team routes
 * failover-only until another balancer is bound. Replaced as a whole when the factory changes.
 */
public final class BalancerSlot {
    private static final Logger LOG = LoggerFactory.getLogger(BalancerSlot.class);

    public static final BalancerSlot NONE = new BalancerSlot(null, null, null, "");

    public final BalancerFactory factory;
    public final String policy;
    private final Balancer balancer;
    private final String team;
    private final AtomicBoolean broken = new AtomicBoolean();

    private BalancerSlot(BalancerFactory factory, String policy, Balancer balancer, String team) {
        this.factory = factory;
        this.policy = policy;
        this.balancer = balancer;
        this.team = team;
    }

    /** Creates the team's balancer from {@code factory}; a factory that throws gives {@link #NONE}. */
    public static BalancerSlot create(BalancerFactory factory, String policy, TeamView view) {
        try {
            Balancer balancer = factory.create(view);
            if (balancer != null) {
                return new BalancerSlot(factory, policy, balancer, view.name());
            }
            LOG.warn("team {}: balancer factory for policy {} returned no balancer; routing failover-only", view.name(), policy);
        } catch (RuntimeException e) {
            LOG.warn("team {}: balancer factory for policy {} failed; routing failover-only", view.name(), policy, e);
        }
        return NONE;
    }

    /** True when a working balancer is present. */
    public boolean active() {
        return balancer != null && !broken.get();
    }

    /** The balancer's choice, or {@link Balancer#NO_PATH} when it is absent or throws. */
    int select(TeamPathSet paths, Direction direction, long bytes) {
        if (!active()) {
            return Balancer.NO_PATH;
        }
        try {
            return balancer.select(paths, direction, bytes);
        } catch (RuntimeException e) {
            breakDown("select", e);
            return Balancer.NO_PATH;
        }
    }

    void started(TeamPathSet paths, int slot, Direction direction, long bytes) {
        if (active() && slot >= 0) {
            try {
                balancer.started(paths, slot, direction, bytes);
            } catch (RuntimeException e) {
                breakDown("started", e);
            }
        }
    }

    void ended(TeamPathSet paths, int slot, Direction direction, long bytes, long latencyNanos) {
        if (active() && slot >= 0) {
            try {
                balancer.ended(paths, slot, direction, bytes, latencyNanos);
            } catch (RuntimeException e) {
                breakDown("ended", e);
            }
        }
    }

    public void pathFailed(TeamPathSet paths, int slot) {
        if (active() && slot >= 0) {
            try {
                balancer.pathFailed(paths, slot);
            } catch (RuntimeException e) {
                breakDown("pathFailed", e);
            }
        }
    }

    public void pathReinstated(TeamPathSet paths, int slot) {
        if (active() && slot >= 0) {
            try {
                balancer.pathReinstated(paths, slot);
            } catch (RuntimeException e) {
                breakDown("pathReinstated", e);
            }
        }
    }

    public void pathsChanged(TeamPathSet paths) {
        if (active()) {
            try {
                balancer.pathsChanged(paths);
            } catch (RuntimeException e) {
                breakDown("pathsChanged", e);
            }
        }
    }

    /** The balancer's share for display, or the equal split over usable slots when it is absent. */
    public double share(TeamPathSet paths, int slot, Direction direction) {
        if (active()) {
            try {
                return balancer.share(paths, slot, direction);
            } catch (RuntimeException e) {
                breakDown("share", e);
            }
        }
        int usable = paths.usableCount();
        return usable == 0 || !paths.usable(slot) ? 0.0 : 100.0 / usable;
    }

    public String status() {
        if (!active()) {
            return "failover-only";
        }
        try {
            return balancer.status();
        } catch (RuntimeException e) {
            breakDown("status", e);
            return "failover-only";
        }
    }

    public void close() {
        if (balancer != null) {
            try {
                balancer.close();
            } catch (RuntimeException e) {
                LOG.warn("team {}: balancer {} failed to close", team, policy, e);
            }
        }
    }

    private void breakDown(String operation, RuntimeException e) {
        if (broken.compareAndSet(false, true)) {
            LOG.error("team {}: balancer {} threw from {}; treated as absent, routing failover-only until a balancer is bound again",
                    team, policy, operation, e);
        }
    }
}
