package org.hbateam.failover.internal.team;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.hbateam.api.balancer.Balancer;
import org.hbateam.api.balancer.BalancerFactory;
import org.hbateam.api.balancer.PathSet;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.Direction;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.failover.internal.config.Failback;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.failover.internal.events.TeamEvents;

/** A registry with a hand-driven clock, recorded events and helpers, for unit tests. */
public final class Fixture {
    record Posted(String topic, Map<String, Object> properties) {
    }

    public final AtomicLong clock = new AtomicLong(1_000_000_000L);
    final List<Posted> events = new CopyOnWriteArrayList<>();
    public final TeamRegistry registry;

    public Fixture() {
        this(FailoverSettings.defaults().withFailback(Failback.IMMEDIATE, 0));
    }

    public Fixture(FailoverSettings settings) {
        registry = new TeamRegistry(settings, clock::get, new TeamEvents(() -> (t, p) -> events.add(new Posted(t, p))));
    }

    public void advanceMillis(long millis) {
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    public FakePath add(FakePath path) {
        registry.addPath(path, path.properties());
        return path;
    }

    public TeamImpl team(String name) {
        return registry.teamImpl(name).orElseThrow(() -> new AssertionError("team " + name + " should exist"));
    }

    public long count(String topic) {
        return events.stream().filter(e -> e.topic().equals(topic)).count();
    }

    public static ScsiCommand write(int bytes) {
        return ScsiCommand.write(Cdb.write16(0, bytes / 512), java.nio.ByteBuffer.allocate(bytes));
    }

    public static ScsiCommand read(int bytes) {
        return ScsiCommand.read(Cdb.read16(0, bytes / 512), java.nio.ByteBuffer.allocate(bytes));
    }

    /** The patent's static rule in a few lines: the usable slot with the least window bytes per share. */
    public static class TinyStaticBalancer implements Balancer {
        @Override
        public int select(PathSet paths, Direction direction, long bytes) {
            int best = NO_PATH;
            double bestLoad = Double.MAX_VALUE;
            for (int i = 0; i < paths.size(); i++) {
                int share = paths.configuredShare(i, direction);
                if (!paths.usable(i) || share == 0) {
                    continue;
                }
                double load = (double) paths.windowBytes(i, direction) / share;
                if (load < bestLoad) {
                    bestLoad = load;
                    best = i;
                }
            }
            return best;
        }

        @Override
        public double share(PathSet paths, int slot, Direction direction) {
            return paths.configuredShare(slot, direction);
        }

        @Override
        public String status() {
            return "tiny static";
        }
    }

    /** A new factory object on every call (a lambda without captures would be one shared instance). */
    public static BalancerFactory tinyStatic() {
        return new BalancerFactory() {
            @Override
            public Balancer create(org.hbateam.api.balancer.TeamView team) {
                return new TinyStaticBalancer();
            }
        };
    }
}
