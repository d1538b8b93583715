package org.hbateam.driver.sim.internal.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One simulated logical unit: factory PID {@value LunSettings#PID}. */
@ObjectClassDefinition(id = LunSettings.PID, name = "hbateam simulated LUN",
        description = "One simulated logical unit backed by sparse memory, reachable through one path per "
                + "listed adapter. All paths share the same data.")
public @interface SimLunConfiguration {
    @AttributeDefinition(name = "Target",
            description = "The target name the LUN sits behind. Not blank. Default "
                    + "iqn.2026-01.org.hbateam.sim:target0.")
    String target() default LunSettings.DEFAULT_TARGET;

    @AttributeDefinition(name = "LUN", min = "0", max = "16383",
            description = "The logical unit number. Range: 0 to 16383 (flat addressing in REPORT LUNS); "
                    + "unique per target. Default 0.")
    long lun() default 0;

    @AttributeDefinition(name = "Size (MB)", min = "1", max = "16777216",
            description = "The capacity in MiB (2^20 bytes); memory is used only for blocks written. "
                    + "Range: 1 to 16777216 (16 TiB). Default 1024.")
    int sizeMB() default 1024;

    @AttributeDefinition(name = "LU identity", required = false,
            description = "The stable logical unit identity reported as an NAA IEEE Registered Extended "
                    + "designator in VPD page 0x83: 32 hex digits starting with 6, optionally prefixed 'naa.', "
                    + "such as 600144f0c0ffee000000000000000001. Default: derived from target and LUN.")
    String luIdentity() default "";

    @AttributeDefinition(name = "Serial", required = false,
            description = "The unit serial number reported in VPD page 0x80: printable ASCII, at most 64 "
                    + "characters. Default: the last 16 hex digits of the LU identity.")
    String serial() default "";

    @AttributeDefinition(name = "Adapters",
            description = "The names of the simulated adapters that reach this LUN, one path each; a single "
                    + "value may list several separated by commas, as in hba0,hba1. Required: at least one, each "
                    + "configured as an org.hbateam.sim.adapter.")
    String[] adapters();
}
