package org.hbateam.driver.sim.internal;

import org.hbateam.driver.sim.internal.config.AdapterSettings;
import org.hbateam.driver.sim.internal.config.ConfigException;
import org.hbateam.driver.sim.internal.config.SimAdapterConfiguration;
import org.hbateam.driver.sim.internal.model.SimAdapter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated adapter per factory configuration {@value AdapterSettings#PID}. A bad configuration is
 * logged, naming the key, and changes nothing: on activation no adapter appears, on modification the old
 * settings stay. A valid modification of the same name retunes the live adapter; a new name replaces it.
 */
@Component(configurationPid = AdapterSettings.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {}, immediate = true)
@Designate(ocd = SimAdapterConfiguration.class, factory = true)
public final class SimAdapterComponent {
    private static final Logger LOG = LoggerFactory.getLogger(SimAdapterComponent.class);

    private final SimRegistry registry;
    /** The adapter in force; null while no valid configuration has arrived. Guarded by this. */
    private SimAdapter adapter;

    @Activate
    public SimAdapterComponent(SimAdapterConfiguration config, @Reference(name = "registry") SimRegistry registry) {
        this.registry = registry;
        apply(config);
    }

    /** An adapter with valid settings, as harnesses and tests build it; fails as a bad configuration would. */
    public SimAdapterComponent(AdapterSettings settings, SimRegistry registry) throws ConfigException {
        this.registry = registry;
        apply(settings);
    }

    @Modified
    void modified(SimAdapterConfiguration config) {
        apply(config);
    }

    @Deactivate
    public synchronized void deactivate() {
        if (adapter != null) {
            registry.removeAdapter(adapter);
            adapter.shutdown();
            adapter = null;
        }
    }

    /** The adapter in force, or null; for tests. */
    synchronized SimAdapter adapter() {
        return adapter;
    }

    private synchronized void apply(SimAdapterConfiguration config) {
        try {
            apply(AdapterSettings.from(config));
        } catch (ConfigException e) {
            LOG.error("{} (adapter '{}'); keeping {}", e.getMessage(), config.name(),
                    adapter == null ? "no adapter" : adapter.settings());
        }
    }

    private void apply(AdapterSettings settings) throws ConfigException {
        if (adapter != null && adapter.name().equals(settings.name())) {
            adapter.update(settings);
        } else {
            replace(settings);
        }
        LOG.info("Simulated adapter {}", settings);
    }

    private void replace(AdapterSettings settings) throws ConfigException {
        SimAdapter next = new SimAdapter(settings);
        try {
            registry.addAdapter(next);
        } catch (ConfigException e) {
            next.shutdown();
            throw e;
        }
        if (adapter != null) {
            registry.removeAdapter(adapter);
            adapter.shutdown();
        }
        adapter = next;
    }
}
