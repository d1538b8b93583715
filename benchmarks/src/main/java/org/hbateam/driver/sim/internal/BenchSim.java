package org.hbateam.driver.sim.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hbateam.api.path.DataPath;

/**
 * The real simulated driver for benchmarks, built with {@code new} as its unit tests build it: adapter and LUN
 * components on one {@link SimRegistry}, whose paths are collected in a list instead of the service registry.
 * Lives in the driver's package because its components' test constructors and configurations are package
 * private. {@link #close()} deactivates everything, so no adapter thread outlives a benchmark.
 */
public final class BenchSim implements AutoCloseable {
    private final List<SimPath> published = new CopyOnWriteArrayList<>();
    private final SimRegistry registry = new SimRegistry(path -> {
        published.add(path);
        return () -> published.remove(path);
    });
    private final List<SimAdapterComponent> adapters = new ArrayList<>();
    private final List<SimLunComponent> luns = new ArrayList<>();

    /** Adds an adapter; {@code latencyMicros} 0 and a high bandwidth make it no bottleneck. */
    public void adapter(String name, int bandwidthMBps, int latencyMicros, int queueDepth) {
        try {
            adapters.add(new SimAdapterComponent(AdapterSettings.of(name, bandwidthMBps, latencyMicros, queueDepth), registry));
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Adds LUN {@code lun} of {@code sizeMB} MiB behind the default target, one path per named adapter. */
    public void lun(long lun, int sizeMB, String... adapterNames) {
        SimLunComponent component = new SimLunComponent(LunConfig.of(lun, sizeMB, adapterNames), "bench-lun-" + lun,
                registry, registry::hasAdapter);
        component.activate();
        luns.add(component);
    }

    /** The published paths, as the failover service would be given them. */
    public List<DataPath> paths() {
        return List.copyOf(published);
    }

    /** The service properties the driver registers each path with (see ServicePathPublisher). */
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
