package org.hbateam.test.direct;

import java.util.Map;

import org.hbateam.api.balancer.BalancerFactory;
import org.hbateam.api.path.DataPath;
import org.hbateam.api.team.Team;
import org.hbateam.failover.admin.PathStatus;
import org.hbateam.failover.admin.TeamStatus;
import org.hbateam.failover.internal.FailoverService;
import org.hbateam.failover.internal.config.FailoverSettings;

/**
 * The real failover service built with {@code new}, as DS builds it from valid settings, and fed with paths and
 * a balancer the way DS feeds it services: for harnesses that run the components on a plain class path.
 */
public final class DirectFailover implements AutoCloseable {
    private final FailoverService service;

    /** A failover service with {@code settings} (start from {@link FailoverSettings#defaults()}). */
    public DirectFailover(FailoverSettings settings) {
        this.service = new FailoverService(settings, Map.of());
    }

    /** Binds {@code factory} as the balancer of policy {@code policy}; teams use it when that is the default policy. */
    public void useBalancer(BalancerFactory factory, String policy) {
        service.bindBalancer(factory, Map.of(BalancerFactory.POLICY, policy));
    }

    public void addPath(DataPath path, Map<String, Object> properties) {
        service.bindDataPath(path, properties);
    }

    public void updatePath(DataPath path, Map<String, Object> properties) {
        service.updatedDataPath(path, properties);
    }

    public void removePath(DataPath path) {
        service.unbindDataPath(path);
    }

    /** The team of {@code luIdentity} (its name while unconfigured); fails when the paths did not form it. */
    public Team team(String luIdentity) {
        return service.team(luIdentity).orElseThrow(() -> new IllegalStateException("no team formed for " + luIdentity));
    }

    /** The failover service's view of one path of a team. */
    public PathStatus status(String teamName, String pathId) {
        TeamStatus team = service.status(teamName).orElseThrow(() -> new IllegalStateException("no status for team " + teamName));
        return team.paths().stream().filter(p -> p.pathId().equals(pathId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("team " + teamName + " has no path " + pathId));
    }

    /** Stops the service's threads and fails what is left, as DS deactivation does. */
    @Override
    public void close() {
        service.deactivate();
    }
}
