package org.hbateam.driver.sim.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.hbateam.driver.sim.internal.config.AdapterSettings;
import org.hbateam.driver.sim.internal.config.ConfigException;
import org.hbateam.driver.sim.internal.config.LunSettings;
import org.hbateam.driver.sim.internal.model.LunCatalog;
import org.hbateam.driver.sim.internal.model.SimAdapter;
import org.hbateam.driver.sim.internal.model.SimLun;
import org.hbateam.driver.sim.internal.model.SimPath;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows the simulated adapters and LUNs that are in force and publishes one path for each LUN and each of
 * its adapters that exists. Adapters and LUNs come and go in any order; after each change
 * {@link #reconcile()} withdraws the paths no longer wanted (failing what they hold with PATH_REMOVED) and
 * publishes the new ones. Changes are serialised by the registry's monitor; lookups need no lock.
 */
@Component(service = SimRegistry.class, immediate = true, configurationPolicy = ConfigurationPolicy.IGNORE)
public final class SimRegistry implements LunCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(SimRegistry.class);

    private final PathPublisher publisher;
    private final Map<String, SimAdapter> adapters = new ConcurrentHashMap<>();
    private final Map<String, SimLun> luns = new ConcurrentHashMap<>();
    private final Map<String, Published> paths = new ConcurrentHashMap<>();
    private final Set<Runnable> adapterWatchers = new CopyOnWriteArraySet<>();

    private record Published(SimPath path, Runnable withdraw) {
    }

    private record Wanted(SimAdapter adapter, SimLun lun) {
    }

    @Activate
    public SimRegistry(BundleContext context) {
        this(new ServicePathPublisher(context));
    }

    /** A registry that publishes through {@code publisher}: for harnesses and tests, outside the framework. */
    public SimRegistry(PathPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * Adds an adapter and the paths that now have one, then tells the adapter watchers. They are called
     * outside the registry's monitor, because they take their own component's monitor and then call back in.
     */
    void addAdapter(SimAdapter adapter) throws ConfigException {
        synchronized (this) {
            SimAdapter existing = adapters.putIfAbsent(adapter.name(), adapter);
            if (existing != null) {
                throw new ConfigException(AdapterSettings.PID, "name",
                        "adapter '" + adapter.name() + "' is already configured by another configuration");
            }
            reconcile();
        }
        for (Runnable watcher : adapterWatchers) {
            try {
                watcher.run();
            } catch (RuntimeException e) {
                LOG.warn("A LUN waiting for adapter {} failed to take it up", adapter.name(), e);
            }
        }
    }

    /** Calls {@code watcher} after each adapter that is added, until {@link #unwatchAdapters}. */
    void watchAdapters(Runnable watcher) {
        adapterWatchers.add(watcher);
    }

    void unwatchAdapters(Runnable watcher) {
        adapterWatchers.remove(watcher);
    }

    /** Removes an adapter and its paths. */
    synchronized void removeAdapter(SimAdapter adapter) {
        adapters.remove(adapter.name(), adapter);
        reconcile();
    }

    /** Adds a LUN or replaces the one with the same key, then adjusts its paths. */
    synchronized void putLun(SimLun lun) throws ConfigException {
        checkUnique(lun.key(), lun.settings());
        luns.put(lun.key(), lun);
        reconcile();
    }

    /** Rejects settings whose target and LUN another configuration already uses: their path ids would clash. */
    synchronized void checkUnique(String key, LunSettings settings) throws ConfigException {
        for (SimLun other : luns.values()) {
            if (!other.key().equals(key) && other.settings().target().equals(settings.target())
                    && other.settings().lun() == settings.lun()) {
                throw new ConfigException(LunSettings.PID, "lun", "LUN " + settings.lun() + " of target '"
                        + settings.target() + "' is already configured by " + other.key());
            }
        }
    }

    synchronized void removeLun(String key) {
        luns.remove(key);
        reconcile();
    }

    public boolean hasAdapter(String name) {
        return adapters.containsKey(name);
    }

    /** The adapter named so, or null. */
    SimAdapter adapter(String name) {
        return name == null ? null : adapters.get(name);
    }

    /** The published path with this id, or null. */
    SimPath path(String id) {
        Published published = id == null ? null : paths.get(id);
        return published == null ? null : published.path();
    }

    List<SimAdapter> adapters() {
        return List.copyOf(adapters.values());
    }

    List<SimPath> paths() {
        List<SimPath> list = new ArrayList<>();
        paths.values().forEach(p -> list.add(p.path()));
        return list;
    }

    @Override
    public List<Long> lunsBehind(String adapter, String target) {
        List<Long> numbers = new ArrayList<>();
        if (adapters.containsKey(adapter)) {
            for (SimLun lun : luns.values()) {
                if (lun.settings().target().equals(target) && lun.settings().adapters().contains(adapter)) {
                    numbers.add(lun.settings().lun());
                }
            }
        }
        numbers.sort(null);
        return numbers;
    }

    /** Withdraws every path still published; adapters and LUNs are the components' to stop. */
    @Deactivate
    public synchronized void close() {
        adapters.clear();
        luns.clear();
        reconcile();
    }

    private void reconcile() {
        Map<String, Wanted> wanted = new HashMap<>();
        for (SimLun lun : luns.values()) {
            for (String name : lun.settings().adapters()) {
                SimAdapter adapter = adapters.get(name);
                if (adapter != null) {
                    wanted.put(lun.pathId(name), new Wanted(adapter, lun));
                }
            }
        }
        for (Published published : List.copyOf(paths.values())) {
            if (!stillWanted(published.path(), wanted.get(published.path().id()))) {
                withdraw(published);
            }
        }
        wanted.forEach((id, want) -> {
            if (!paths.containsKey(id)) {
                publish(want);
            }
        });
    }

    /** A path stays when the same adapter still carries it to a LUN that looks the same on the same data. */
    private static boolean stillWanted(SimPath path, Wanted want) {
        return want != null && want.adapter() == path.adapter()
                && want.lun().storage() == path.simLun().storage()
                && want.lun().settings().sameIdentity(path.simLun().settings());
    }

    private void publish(Wanted want) {
        SimPath path = new SimPath(want.adapter(), want.lun(), this);
        want.adapter().attach(path);
        // The adapter's fault may have changed while the path was built; attached, it now follows every change.
        path.refresh("path created");
        paths.put(path.id(), new Published(path, publisher.publish(path)));
    }

    private void withdraw(Published published) {
        SimPath path = published.path();
        paths.remove(path.id());
        published.withdraw().run();
        path.remove();
        path.adapter().detach(path);
    }
}
