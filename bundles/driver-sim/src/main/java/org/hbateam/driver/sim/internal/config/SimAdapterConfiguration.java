package org.hbateam.driver.sim.internal.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One simulated adapter (HBA port): factory PID {@value AdapterSettings#PID}. */
@ObjectClassDefinition(id = AdapterSettings.PID, name = "hbateam simulated adapter",
        description = "One simulated HBA port: a link with a bandwidth, a per-command latency and a queue depth. "
                + "Commands are serviced in order; a command occupies the link for bytes/bandwidth and completes "
                + "after that plus the latency; at most queueDepth commands are in service, the rest wait.")
public @interface SimAdapterConfiguration {
    @AttributeDefinition(name = "Name",
            description = "The adapter id, unique among simulated adapters, such as hba0. Required; "
                    + "not blank, no ':', ',' or whitespace (it is part of path ids and of LUN adapter lists).")
    String name();

    @AttributeDefinition(name = "Bandwidth (MB/s)", min = "1",
            description = "The link bandwidth in megabytes (10^6 bytes) per second. Range: > 0. Default 200.")
    int bandwidthMBps() default 200;

    @AttributeDefinition(name = "Latency (microseconds)", min = "0",
            description = "The per-command latency in microseconds, added to the transfer time. Range: >= 0. "
                    + "Default 200.")
    int latencyMicros() default 200;

    @AttributeDefinition(name = "Queue depth", min = "1",
            description = "How many commands the adapter services at once; the rest wait in order. "
                    + "Range: >= 1. Default 32.")
    int queueDepth() default 32;
}
