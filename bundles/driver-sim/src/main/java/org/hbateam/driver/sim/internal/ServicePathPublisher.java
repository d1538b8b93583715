package org.hbateam.driver.sim.internal;

import java.util.Hashtable;
import org.hbateam.api.path.DataPath;
import org.hbateam.driver.sim.internal.model.SimPath;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Publishes each path as a {@link DataPath} service carrying every property DataPath defines. The services
 * are registered by hand, not by DS (their number follows the configuration), so the bundle declares the
 * service capability itself, for resolvers such as Karaf's features service.
 */
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=org.hbateam.api.path.DataPath",
        uses = DataPath.class)
final class ServicePathPublisher implements PathPublisher {
    private final BundleContext context;

    ServicePathPublisher(BundleContext context) {
        this.context = context;
    }

    @Override
    public Runnable publish(SimPath path) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(DataPath.PATH_ID, path.id());
        properties.put(DataPath.ADAPTER_ID, path.adapterId());
        properties.put(DataPath.TARGET, path.target());
        properties.put(DataPath.LUN, Long.valueOf(path.lun()));
        properties.put(DataPath.LU_IDENTITY, path.luIdentity());
        properties.put(DataPath.SESSION_ID, path.sessionId());
        ServiceRegistration<DataPath> registration = context.registerService(DataPath.class, path, properties);
        return () -> unregister(registration);
    }

    private static void unregister(ServiceRegistration<DataPath> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // The framework already took it down with the bundle; nothing is left to withdraw.
        }
    }
}
