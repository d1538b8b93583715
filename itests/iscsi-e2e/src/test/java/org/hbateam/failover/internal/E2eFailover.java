package org.hbateam.failover.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import org.hbateam.api.balancer.BalancerFactory;
import org.hbateam.api.path.DataPath;
import org.hbateam.api.team.Team;
import org.hbateam.driver.iscsi.internal.SessionDirectory;
import org.hbateam.failover.admin.PathStatus;
import org.hbateam.failover.admin.TeamStatus;
import org.hbateam.failover.internal.config.FailoverConfiguration;

/**
 * The real failover service, built with {@code new} as DS would build it (with the configuration's declared
 * defaults unless overridden), fed with the driver's paths the way DS feeds it services. Lives in the failover
 * bundle's package because the configuration type and the bind methods are package-private.
 */
public final class E2eFailover implements AutoCloseable {
    /**
     * What DS gives every iSCSI adapter of one framework: their sessions, so that one adapter's live session can
     * fence another's dead one. The adapters of one team share it, as they share this service.
     */
    public final SessionDirectory sessions = new SessionDirectory();
    private final FailoverService service;

    /** A failover service with the default configuration, except the given keys of {@code org.hbateam.failover}. */
    public E2eFailover(Map<String, Object> overrides) {
        this.service = new FailoverService(configuration(overrides), Map.of());
    }

    /** Binds a balancer factory as the default balancer, as DS does when one of the default policy appears. */
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

    /** The team of {@code luIdentity}; fails when the paths did not form it. */
    public Team team(String luIdentity) {
        return service.team(luIdentity).orElseThrow(() -> new AssertionError("no team formed for " + luIdentity));
    }

    /** The failover service's view of one path of the team. */
    public PathStatus status(String luIdentity, String pathId) {
        TeamStatus team = service.status(luIdentity).orElseThrow(() -> new AssertionError("no status for team " + luIdentity));
        return team.paths().stream().filter(p -> p.pathId().equals(pathId)).findFirst()
                .orElseThrow(() -> new AssertionError("team " + luIdentity + " has no path " + pathId));
    }

    @Override
    public void close() {
        service.deactivate();
    }

    private static FailoverConfiguration configuration(Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>(overrides);
        for (String key : values.keySet()) {
            try {
                FailoverConfiguration.class.getMethod(key);
            } catch (NoSuchMethodException e) {
                // A test that sets a key the service does not have would test the defaults while believing otherwise.
                throw new IllegalArgumentException("org.hbateam.failover has no key " + key);
            }
        }
        return (FailoverConfiguration) Proxy.newProxyInstance(FailoverConfiguration.class.getClassLoader(),
                new Class<?>[] {FailoverConfiguration.class}, (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    if (method.getDefaultValue() != null) {
                        return method.getDefaultValue();
                    }
                    return method.getName().equals("annotationType") ? FailoverConfiguration.class : method.invoke(values, args);
                });
    }
}
