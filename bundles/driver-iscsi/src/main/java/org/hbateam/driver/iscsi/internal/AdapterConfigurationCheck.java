package org.hbateam.driver.iscsi.internal;

import java.util.List;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Felix Health Check: a rejected {@value AdapterSettings#PID} configuration (CRITICAL), naming the key and whether
 * the adapter is stopped or runs its last good configuration; a connection-based adapter whose target made it fall
 * back to one session per adapter (WARN), with the reason. Tagged {@code hbateam}. The health check API is an
 * optional import: without it only this component is unsatisfied, the adapters run.
 */
@Component(property = {
        HealthCheck.NAME + "=hbateam iSCSI adapter configuration",
        HealthCheck.TAGS + "=hbateam",
        HealthCheck.MBEAN_NAME + "=hbateam-iscsi-adapter-configuration"})
public final class AdapterConfigurationCheck implements HealthCheck {
    private final RejectedAdapterConfigs rejected;

    @Activate
    public AdapterConfigurationCheck(@Reference RejectedAdapterConfigs rejected) {
        this.rejected = rejected;
    }

    @Override
    public Result execute() {
        return verdict(rejected.list(), rejected.fallbacks());
    }

    static Result verdict(List<RejectedAdapterConfigs.Rejection> rejections) {
        return verdict(rejections, List.of());
    }

    static Result verdict(List<RejectedAdapterConfigs.Rejection> rejections,
                          List<RejectedAdapterConfigs.Fallback> fallbacks) {
        FormattingResultLog log = new FormattingResultLog();
        for (RejectedAdapterConfigs.Rejection r : rejections) {
            log.critical("{}: configuration rejected ({}); {}", r.pid(), r.reason(), r.inForce());
        }
        for (RejectedAdapterConfigs.Fallback f : fallbacks) {
            log.warn("{}: connection-based teaming (MC/S) fell back to one session per adapter: {}", f.pid(), f.reason());
        }
        if (rejections.isEmpty() && fallbacks.isEmpty()) {
            log.info("every {} configuration is accepted", AdapterSettings.PID);
        }
        return new Result(log);
    }
}
