package org.hbateam.management.internal.health;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.hbateam.failover.admin.FailoverAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Felix Health Check: a team with no usable path (CRITICAL). Tagged {@code hbateam}. */
@Component(property = {
        HealthCheck.NAME + "=hbateam all paths down",
        HealthCheck.TAGS + "=hbateam",
        HealthCheck.MBEAN_NAME + "=hbateam-all-paths-down"})
public final class AllPathsDownCheck implements HealthCheck {
    private final FailoverAdmin admin;
    private final TeamHealth health = new TeamHealth();

    @Activate
    public AllPathsDownCheck(@Reference(name = "admin") FailoverAdmin admin) {
        this.admin = admin;
    }

    @Override
    public Result execute() {
        return health.allPathsDown(admin.statuses());
    }
}
