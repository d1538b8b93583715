package org.hbateam.driver.sim.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.hbateam.driver.sim.internal.config.AdapterSettings;
import org.hbateam.driver.sim.internal.config.ConfigException;
import org.hbateam.driver.sim.internal.config.LunConfig;
import org.hbateam.driver.sim.internal.config.LunSettings;
import org.hbateam.driver.sim.internal.config.SimLunConfiguration;
import org.hbateam.driver.sim.internal.model.SimLun;
import org.hbateam.driver.sim.internal.model.SparseStorage;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated LUN per factory configuration {@value LunSettings#PID}. A bad configuration is logged,
 * naming the key, and changes nothing: on activation no LUN appears, on modification the old one stays.
 *
 * <p>What "unknown adapter" means. In OSGi an adapter component may simply not be active yet when a LUN
 * activates (SCR activates components in no fixed order), and that must not be an error. So an adapter
 * name counts as known when an adapter of that name is active, or when ConfigurationAdmin holds an
 * {@value AdapterSettings#PID} configuration with that name: configuration admin is the record of what the
 * administrator set up, and it holds the adapter's configuration before its component can activate. A known
 * adapter that is not active yet just has no path until it appears. A name that neither knows is rejected
 * (ERROR naming the key, old state kept). One ordering remains that this cannot tell from a typo: a LUN
 * configuration created before its adapter's configuration (provisioning may write them in any order). So a
 * configuration rejected only for unknown adapters is remembered, and tried again, quietly, whenever an
 * adapter is added; it takes effect once every adapter it names is known. Any later configuration replaces it.
 *
 * <p>The LUN's data survive modifications. A change of anything the paths advertise (target, LUN, identity,
 * serial, size) withdraws the paths first, so no I/O runs while the data move, then publishes new ones.
 */
@Component(configurationPid = LunSettings.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {}, immediate = true)
@Designate(ocd = SimLunConfiguration.class, factory = true)
public final class SimLunComponent {
    private static final Logger LOG = LoggerFactory.getLogger(SimLunComponent.class);

    private final SimRegistry registry;
    private final String key;
    private final Predicate<String> knownAdapter;
    private final Runnable retryOnNewAdapter = this::retryPending;
    /** The configuration to apply at activation. Guarded by this. */
    private LunConfig initial;
    /** The LUN in force; null while no valid configuration has arrived. Guarded by this. */
    private SimLun lun;
    /** The latest configuration, if it was rejected only for naming unknown adapters. Guarded by this. */
    private LunConfig pending;

    /**
     * Read to tell configured adapters from typos. Dynamic and optional, so that a restart of configuration
     * admin does not restart the LUN (and lose its data); while it is away only active adapters count.
     */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            cardinality = ReferenceCardinality.OPTIONAL)
    private volatile ConfigurationAdmin configurationAdmin;

    /** DS builds it, injects configuration admin, then calls {@link #activate()}. */
    @Activate
    public SimLunComponent(SimLunConfiguration config, Map<String, Object> properties,
            @Reference(name = "registry") SimRegistry registry) {
        this(LunConfig.from(config), String.valueOf(properties.getOrDefault("service.pid", properties.get("component.id"))),
                registry, null);
    }

    /**
     * For harnesses and tests, followed by {@link #activate()}. {@code key} names the LUN in the registry;
     * {@code knownAdapter} replaces the lookup in the registry and configuration admin when not null.
     */
    public SimLunComponent(LunConfig config, String key, SimRegistry registry, Predicate<String> knownAdapter) {
        this.registry = registry;
        this.key = key;
        this.knownAdapter = knownAdapter != null ? knownAdapter : this::isConfiguredAdapter;
        this.initial = config;
    }

    /**
     * Applies the first configuration. Not done in the constructor: DS injects the configuration admin field
     * only after construction, and validation needs it.
     */
    @Activate
    public synchronized void activate() {
        // Watch first, so that an adapter added while this first configuration is checked is not missed.
        registry.watchAdapters(retryOnNewAdapter);
        apply(initial, false);
        initial = null;
    }

    @Modified
    void modified(SimLunConfiguration config) {
        update(LunConfig.from(config));
    }

    /** Applies a new configuration, as {@link #modified} does. */
    void update(LunConfig config) {
        apply(config, false);
    }

    @Deactivate
    public synchronized void deactivate() {
        registry.unwatchAdapters(retryOnNewAdapter);
        pending = null;
        if (lun != null) {
            registry.removeLun(key);
            lun = null;
        }
    }

    /** The LUN in force, or null; for tests. */
    synchronized SimLun lun() {
        return lun;
    }

    /** A new adapter appeared: a configuration waiting for it may pass now. */
    private synchronized void retryPending() {
        if (pending != null) {
            apply(pending, true);
        }
    }

    /** Validates and applies a configuration; {@code retry} keeps a still-unknown adapter from being logged again. */
    private synchronized void apply(LunConfig config, boolean retry) {
        pending = null;
        try {
            LunSettings settings = LunSettings.from(config, knownAdapter);
            registry.checkUnique(key, settings);
            SimLun next = new SimLun(key, settings, storageFor(settings));
            putOrRestore(next);
            lun = next;
            LOG.info("Simulated LUN {} ({}) over {}", settings.lun(), settings.luIdentity(), settings.adapters());
        } catch (ConfigException e) {
            pending = e.curableByAdapter() ? config : null;
            if (!(retry && pending != null)) {
                LOG.error("{} (configuration {}); keeping {}{}", e.getMessage(), key,
                        lun == null ? "no LUN" : lun.settings(),
                        pending == null ? "" : "; will apply it if that adapter is configured later");
            }
        }
    }

    /** Puts the new LUN in force; if another configuration took its place meanwhile, puts the old one back. */
    private void putOrRestore(SimLun next) throws ConfigException {
        try {
            registry.putLun(next);
        } catch (ConfigException e) {
            if (lun != null) {
                registry.putLun(lun);
            }
            throw e;
        }
    }

    /** The current data, resized if need be once the old paths are withdrawn; fresh zeros at first. */
    private SparseStorage storageFor(LunSettings settings) {
        long capacity = settings.blocks() * LunSettings.BLOCK_SIZE;
        if (lun == null) {
            return new SparseStorage(capacity);
        }
        if (lun.settings().sameIdentity(settings)) {
            return lun.storage();
        }
        registry.removeLun(key);
        return lun.storage().capacity() == capacity ? lun.storage() : lun.storage().resized(capacity);
    }

    private boolean isConfiguredAdapter(String name) {
        return registry.hasAdapter(name) || configuredAdapters().contains(name);
    }

    private Set<String> configuredAdapters() {
        ConfigurationAdmin cm = configurationAdmin;
        Set<String> names = new HashSet<>();
        if (cm == null) {
            return names;
        }
        try {
            Configuration[] configurations = cm.listConfigurations(
                    "(service.factoryPid=" + AdapterSettings.PID + ")");
            for (Configuration configuration : configurations == null ? new Configuration[0] : configurations) {
                Dictionary<String, Object> properties = configuration.getProperties();
                Object name = properties == null ? null : properties.get("name");
                if (name != null) {
                    names.add(name.toString().trim());
                }
            }
        } catch (IOException | InvalidSyntaxException e) {
            LOG.warn("Cannot list {} configurations; only active adapters count as known", AdapterSettings.PID, e);
        }
        return names;
    }
}
