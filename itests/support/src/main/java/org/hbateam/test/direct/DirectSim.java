package org.hbateam.test.direct;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hbateam.api.path.DataPath;
import org.hbateam.driver.sim.internal.SimAdapterComponent;
import org.hbateam.driver.sim.internal.SimLunComponent;
import org.hbateam.driver.sim.internal.SimRegistry;
import org.hbateam.driver.sim.internal.config.AdapterSettings;
import org.hbateam.driver.sim.internal.config.ConfigException;
import org.hbateam.driver.sim.internal.config.LunConfig;

/**
 * The real simulated driver built with {@code new}: adapter and LUN components on one registry, whose paths
 * are collected in a list instead of the service registry. {@link #close()} deactivates everything, so no
 * adapter thread outlives a harness.
 */
public final class DirectSim implements AutoCloseable {
    private final List<DataPath> published = new CopyOnWriteArrayList<>();
    private final SimRegistry registry = new SimRegistry(path -> {
        published.add(path);
        return () -> published.remove(path);
    });
    private final List<SimAdapterComponent> adapters = new ArrayList<>();
    private final List<SimLunComponent> luns = new ArrayList<>();

    /** Adds an adapter; {@code latencyMicros} 0 and a high bandwidth make it no bottleneck. */
    public void adapter(String name, int bandwidthMBps, int latencyMicros, int queueDepth) throws ConfigException {
        adapters.add(new SimAdapterComponent(AdapterSettings.of(name, bandwidthMBps, latencyMicros, queueDepth), registry));
    }

    /** Adds LUN {@code lun} of {@code sizeMB} MiB behind the default target, one path per named adapter. */
    public void lun(long lun, int sizeMB, String... adapterNames) {
        SimLunComponent component = new SimLunComponent(LunConfig.of(lun, sizeMB, adapterNames), "direct-lun-" + lun,
                registry, registry::hasAdapter);
        component.activate();
        luns.add(component);
    }

    /** The published paths, as the failover service would be given them. */
    public List<DataPath> paths() {
        return List.copyOf(published);
    }

    /** The service properties a path is registered with (see the driver's ServicePathPublisher). */
    public static Map<String, Object> properties(DataPath path) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(DataPath.PATH_ID, path.id());
        properties.put(DataPath.ADAPTER_ID, path.adapterId());
        properties.put(DataPath.TARGET, path.target());
        properties.put(DataPath.LUN, path.lun());
        properties.put(DataPath.LU_IDENTITY, path.luIdentity());
        properties.put(DataPath.SESSION_ID, path.sessionId());
        return properties;
    }

    @Override
    public void close() {
        luns.forEach(SimLunComponent::deactivate);
        adapters.forEach(SimAdapterComponent::deactivate);
        registry.close();
    }
}
