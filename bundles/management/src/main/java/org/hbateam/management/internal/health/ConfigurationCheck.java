package org.hbateam.management.internal.health;

import java.util.List;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.hbateam.failover.admin.ConfigurationProblem;
import org.hbateam.failover.admin.FailoverAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Felix Health Check: a rejected {@code org.hbateam.failover} or {@code org.hbateam.team} configuration (CRITICAL),
 * naming the PID, the key and what runs instead. A typo in {@code etc/} runs on a fallback, so a dashboard must
 * see it. Tagged {@code hbateam}.
 */
@Component(property = {
        HealthCheck.NAME + "=hbateam configuration",
        HealthCheck.TAGS + "=hbateam",
        HealthCheck.MBEAN_NAME + "=hbateam-configuration"})
public final class ConfigurationCheck implements HealthCheck {
    private final FailoverAdmin admin;

    @Activate
    public ConfigurationCheck(@Reference(name = "admin") FailoverAdmin admin) {
        this.admin = admin;
    }

    @Override
    public Result execute() {
        return verdict(admin.configurationProblems());
    }

    static Result verdict(List<ConfigurationProblem> problems) {
        FormattingResultLog log = new FormattingResultLog();
        for (ConfigurationProblem problem : problems) {
            log.critical("{}; in force: {}", problem.message(), problem.inForce());
        }
        if (problems.isEmpty()) {
            log.info("every org.hbateam.failover and org.hbateam.team configuration is accepted");
        }
        return new Result(log);
    }
}
