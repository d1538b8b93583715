package org.hbateam.driver.sim.internal.config;

import java.util.List;

/**
 * The values of one simulated LUN's configuration, not validated yet:
 * {@link org.hbateam.driver.sim.internal.SimLunComponent} validates them into {@link LunSettings} when it applies
 * them, since whether the adapters they name exist can change later.
 * DS converts a {@link SimLunConfiguration} with {@link #from}; harnesses and tests start from {@link #of}.
 *
 * @param luIdentity blank for one derived from target and LUN
 * @param serial     blank for one derived from the LU identity
 * @param adapters   adapter names; an entry may list several, separated by commas or spaces
 */
public record LunConfig(String target, long lun, int sizeMB, String luIdentity, String serial, List<String> adapters) {
    public LunConfig {
        adapters = adapters == null ? List.of() : List.copyOf(adapters);
    }

    /** LUN {@code lun} of {@code sizeMB} MiB behind the default target, reached through {@code adapters}. */
    public static LunConfig of(long lun, int sizeMB, String... adapters) {
        return new LunConfig(LunSettings.DEFAULT_TARGET, lun, sizeMB, "", "", List.of(adapters));
    }

    public static LunConfig from(SimLunConfiguration c) {
        return new LunConfig(c.target(), c.lun(), c.sizeMB(), c.luIdentity(), c.serial(),
                c.adapters() == null ? List.of() : List.of(c.adapters()));
    }

    public LunConfig withTarget(String value) {
        return new LunConfig(value, lun, sizeMB, luIdentity, serial, adapters);
    }

    public LunConfig withLun(long value) {
        return new LunConfig(target, value, sizeMB, luIdentity, serial, adapters);
    }

    public LunConfig withSizeMB(int value) {
        return new LunConfig(target, lun, value, luIdentity, serial, adapters);
    }

    public LunConfig withLuIdentity(String value) {
        return new LunConfig(target, lun, sizeMB, value, serial, adapters);
    }

    public LunConfig withSerial(String value) {
        return new LunConfig(target, lun, sizeMB, luIdentity, value, adapters);
    }
}
