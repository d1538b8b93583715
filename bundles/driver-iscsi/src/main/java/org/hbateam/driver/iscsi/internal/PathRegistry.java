package org.hbateam.driver.iscsi.internal;

import java.util.Map;

import org.hbateam.api.path.DataPath;

/**
 * Publishes data paths; in the framework as OSGi services, in unit tests and harnesses as a plain list or straight
 * into a failover service.
 */
public interface PathRegistry {
    /** Publishes {@code path} with {@code properties} until the registration is withdrawn. */
    Registration register(DataPath path, Map<String, Object> properties);

    /** One published path. */
    interface Registration {
        /** Replaces the service properties (the session id changes when the target assigns a new TSIH). */
        void update(Map<String, Object> properties);

        /** Withdraws the path; safe to call twice. */
        void unregister();
    }
}
