package org.hbateam.driver.sim.internal.config;

import java.util.Map;

import org.osgi.util.converter.Converters;

/** Configurations for tests: adapters as DS builds them from ConfigurationAdmin, LUNs as their components take them. */
public final class TestConfigs {
    private TestConfigs() {
    }

    public static SimAdapterConfiguration adapter(String name, int bandwidthMBps, int latencyMicros, int queueDepth) {
        return Converters.standardConverter().convert(Map.of("name", name, "bandwidthMBps", bandwidthMBps,
                "latencyMicros", latencyMicros, "queueDepth", queueDepth)).to(SimAdapterConfiguration.class);
    }

    public static SimAdapterConfiguration adapter(String name) {
        return adapter(name, 200, 0, 32);
    }

    /** LUN 0 of 1 MiB behind the default target: small, so that tests stay light. */
    public static LunConfig lun(String... adapters) {
        return LunConfig.of(0, 1, adapters);
    }
}
