package org.hbateam.driver.sim.internal.model;

import java.util.Objects;

import org.hbateam.driver.sim.internal.config.LunSettings;

/**
 * One simulated logical unit as the registry knows it: who configured it, its settings and its data.
 *
 * @param key      identifies the configuration that made it (its PID), unique in the registry
 * @param settings the validated settings
 * @param storage  the data, shared by all paths of the unit
 */
public record SimLun(String key, LunSettings settings, SparseStorage storage) {
    public SimLun {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(storage, "storage");
    }

    /** The id of this unit's path over {@code adapter}: {@code sim:<adapter>:<target>:<lun>}. */
    public String pathId(String adapter) {
        return "sim:" + adapter + ":" + settings.target() + ":" + settings.lun();
    }
}
