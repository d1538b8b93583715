package org.hbateam.failover.internal;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.hbateam.api.balancer.BalancerFactory;
import org.hbateam.api.path.DataPath;
import org.hbateam.api.team.Team;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.failover.internal.events.EventSink;
import org.hbateam.failover.internal.events.TeamEvents;
import org.hbateam.failover.internal.team.TeamRegistry;

/**
 * The real failover service's core for benchmarks, built with {@code new} as its unit tests build it: a
 * {@link TeamRegistry} with the default settings and the system clock, a default balancer factory, and one
 * sweeper thread at the default interval, as {@link FailoverService} runs it. Lives in the failover package
 * because the registry is package private. {@link #close()} stops the sweeper and fails what is left.
 */
public final class BenchFailover implements AutoCloseable {
    private final FailoverSettings settings = FailoverSettings.defaults();
    private final TeamRegistry registry = new TeamRegistry(settings, System::nanoTime, new TeamEvents(() -> EventSink.NONE));
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-failover-sweeper");
        t.setDaemon(true);
        return t;
    });

    /** Teams without configuration balance with {@code factory} (the policy named in the default settings). */
    public BenchFailover(BalancerFactory factory) {
        registry.defaultBalancer(factory);
        sweeper.scheduleWithFixedDelay(registry::sweep, settings.sweepIntervalMs(), settings.sweepIntervalMs(),
                TimeUnit.MILLISECONDS);
    }

    /** Binds a path, as DS binds a DataPath service with its properties. */
    public void bind(DataPath path, Map<String, Object> properties) {
        registry.addPath(path, properties);
    }

    /** The team of {@code luIdentity} (its name when unconfigured); fails when there is none. */
    public Team team(String luIdentity) {
        return registry.team(luIdentity).orElseThrow(() -> new IllegalStateException("no team " + luIdentity));
    }

    @Override
    public void close() throws InterruptedException {
        sweeper.shutdownNow();
        sweeper.awaitTermination(5, TimeUnit.SECONDS);
        registry.close();
    }
}
