package org.hbateam.management.internal.health;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.hbateam.failover.admin.FailoverAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Felix Health Check: a team with fewer usable paths than it has or has had (WARN). Tagged {@code hbateam}. */
@Component(property = {
        HealthCheck.NAME + "=hbateam degraded teams",
        HealthCheck.TAGS + "=hbateam",
        HealthCheck.MBEAN_NAME + "=hbateam-degraded"})
public final class DegradedCheck implements HealthCheck {
    private final FailoverAdmin admin;
    private final TeamHealth health = new TeamHealth();

    @Activate
    public DegradedCheck(@Reference(name = "admin") FailoverAdmin admin) {
        this.admin = admin;
    }

    @Override
    public Result execute() {
        return health.degraded(admin.statuses());
    }
}
