package org.hbateam.driver.sim.internal;

import java.lang.annotation.Annotation;

/** Configuration instances for tests, as DS would build them from ConfigurationAdmin. */
final class TestConfigs {
    private TestConfigs() {
    }

    static SimAdapterConfiguration adapter(String name, int bandwidthMBps, int latencyMicros, int queueDepth) {
        return new SimAdapterConfiguration() {
            @Override public Class<? extends Annotation> annotationType() { return SimAdapterConfiguration.class; }
            @Override public String name() { return name; }
            @Override public int bandwidthMBps() { return bandwidthMBps; }
            @Override public int latencyMicros() { return latencyMicros; }
            @Override public int queueDepth() { return queueDepth; }
        };
    }

    static SimAdapterConfiguration adapter(String name) {
        return adapter(name, 200, 0, 32);
    }

    static Lun lun(String... adapters) {
        return new Lun(LunSettings.DEFAULT_TARGET, 0, 1, "", "", adapters);
    }

    /** A LUN configuration with withers; sizes are small so that tests stay light. */
    record Lun(String target, long lun, int sizeMB, String luIdentity, String serial, String[] adapters)
            implements SimLunConfiguration {
        @Override public Class<? extends Annotation> annotationType() { return SimLunConfiguration.class; }

        Lun withTarget(String value) { return new Lun(value, lun, sizeMB, luIdentity, serial, adapters); }
        Lun withLun(long value) { return new Lun(target, value, sizeMB, luIdentity, serial, adapters); }
        Lun withSizeMB(int value) { return new Lun(target, lun, value, luIdentity, serial, adapters); }
        Lun withLuIdentity(String value) { return new Lun(target, lun, sizeMB, value, serial, adapters); }
        Lun withSerial(String value) { return new Lun(target, lun, sizeMB, luIdentity, value, adapters); }
        Lun withAdapters(String... value) { return new Lun(target, lun, sizeMB, luIdentity, serial, value); }
    }
}
