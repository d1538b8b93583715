package org.hbateam.driver.iscsi.internal;

import java.util.Hashtable;
import java.util.Map;

import org.hbateam.api.path.DataPath;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** Registers paths as {@link DataPath} services of the driver bundle (whiteboard). */
final class OsgiPathRegistry implements PathRegistry {
    private final BundleContext context;

    OsgiPathRegistry(BundleContext context) {
        this.context = context;
    }

    @Override
    public Registration register(DataPath path, Map<String, Object> properties) {
        ServiceRegistration<DataPath> registration = context.registerService(DataPath.class, path, new Hashtable<>(properties));
        return new Registration() {
            @Override
            public void update(Map<String, Object> newProperties) {
                try {
                    registration.setProperties(new Hashtable<>(newProperties));
                } catch (IllegalStateException e) {
                    // already unregistered: the bundle is stopping
                }
            }

            @Override
            public void unregister() {
                try {
                    registration.unregister();
                } catch (IllegalStateException e) {
                    // already unregistered
                }
            }
        };
    }
}
