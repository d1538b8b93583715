package org.hbateam.failover.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.hbateam.api.balancer.BalancerFactory;
import org.hbateam.api.path.DataPath;
import org.hbateam.api.team.Team;
import org.hbateam.failover.admin.PathStatus;
import org.hbateam.failover.internal.config.FailoverConfiguration;

/**
 * The real failover service for the end-to-end benchmarks, built with {@code new} as DS builds it, with the
 * declared default configuration, and fed with paths as DS feeds it services. In the failover bundle's package
 * because its configuration type and bind methods are package-private; the benchmark jar is a plain class path.
 */
public final class FailoverForE2e implements AutoCloseable {
    private final FailoverService service = new FailoverService(defaults(), Map.of());

    /** Binds {@code factory} as the default balancer (policy {@code policy} must be the default policy, static). */
    public void useBalancer(BalancerFactory factory, String policy) {
        service.bindBalancer(factory, Map.of(BalancerFactory.POLICY, policy));
        if (!"static".equals(policy)) {
            // The default policy decides which bound factory teams use; ask for the one just bound.
            service.modified(withPolicy(policy), Map.of());
        }
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

    public Team team(String luIdentity) {
        return service.team(luIdentity).orElseThrow(() -> new IllegalStateException("no team formed for " + luIdentity));
    }

    /** Whether the failover service routes commands to {@code pathId} now. */
    public boolean usable(String teamName, String pathId) {
        return service.status(teamName).flatMap(t -> t.paths().stream().filter(p -> p.pathId().equals(pathId)).findFirst())
                .map(PathStatus::usable).orElse(false);
    }

    @Override
    public void close() {
        service.deactivate();
    }

    private static FailoverConfiguration defaults() {
        return withPolicy("static");
    }

    /** The declared defaults of every key, except {@code defaultPolicy}. */
    private static FailoverConfiguration withPolicy(String policy) {
        return (FailoverConfiguration) Proxy.newProxyInstance(FailoverConfiguration.class.getClassLoader(),
                new Class<?>[] {FailoverConfiguration.class}, (proxy, method, args) -> {
                    if (method.getName().equals("defaultPolicy")) {
                        return policy;
                    }
                    if (method.getDefaultValue() != null) {
                        return method.getDefaultValue();
                    }
                    return method.getName().equals("annotationType") ? FailoverConfiguration.class : method.invoke(policy, args);
                });
    }
}
