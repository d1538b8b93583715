package org.hbateam.driver.sim.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hbateam.driver.sim.internal.config.LunConfig;
import org.hbateam.driver.sim.internal.config.LunSettings;
import org.hbateam.driver.sim.internal.config.SimAdapterConfiguration;
import org.hbateam.driver.sim.internal.model.SimPath;

/**
 * A registry with adapter and LUN components built with {@code new}, publishing paths into a map instead of
 * the service registry. Closing it deactivates everything, so no scheduler thread outlives a test.
 */
final class SimFixture implements AutoCloseable, PathPublisher {
    final Map<String, SimPath> published = new ConcurrentHashMap<>();
    final List<String> withdrawn = new ArrayList<>();
    final SimRegistry registry = new SimRegistry(this);
    final SimFaultsComponent faults = new SimFaultsComponent(registry);
    final Map<String, SimAdapterComponent> adapters = new LinkedHashMap<>();
    final Map<String, SimLunComponent> luns = new LinkedHashMap<>();

    @Override
    public synchronized Runnable publish(SimPath path) {
        published.put(path.id(), path);
        return () -> {
            synchronized (this) {
                published.remove(path.id());
                withdrawn.add(path.id());
            }
        };
    }

    SimAdapterComponent adapter(String key, SimAdapterConfiguration config) {
        SimAdapterComponent component = new SimAdapterComponent(config, registry);
        adapters.put(key, component);
        return component;
    }

    SimLunComponent lun(String key, LunConfig config) {
        SimLunComponent component = new SimLunComponent(config, key, registry, registry::hasAdapter);
        component.activate();
        luns.put(key, component);
        return component;
    }

    void removeAdapter(String key) {
        adapters.remove(key).deactivate();
    }

    void removeLun(String key) {
        luns.remove(key).deactivate();
    }

    /** The published path of the default LUN over {@code adapter}; fails when there is none. */
    SimPath path(String adapter) {
        return path(adapter, LunSettings.DEFAULT_TARGET, 0);
    }

    SimPath path(String adapter, String target, long lun) {
        String id = "sim:" + adapter + ":" + target + ":" + lun;
        SimPath path = published.get(id);
        if (path == null) {
            throw new AssertionError("path " + id + " should be published; published: " + published.keySet());
        }
        return path;
    }

    @Override
    public void close() {
        luns.values().forEach(SimLunComponent::deactivate);
        adapters.values().forEach(SimAdapterComponent::deactivate);
        registry.close();
    }
}
