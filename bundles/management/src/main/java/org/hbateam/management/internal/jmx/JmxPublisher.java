package org.hbateam.management.internal.jmx;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.management.MBeanServer;

import org.hbateam.api.team.TeamService;
import org.hbateam.failover.admin.FailoverAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes {@link TeamMXBean}s and {@link PathMXBean}s in the MBeanServer that Karaf's {@code management}
 * feature registers as a service (the one its JMX connector and its JMX ACLs guard). One thread refreshes the
 * set; a change of configuration or of any reference restarts the component, which unregisters everything.
 */
@Component(service = {}, configurationPid = JmxPublisher.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = JmxConfiguration.class)
public final class JmxPublisher {
    static final String PID = "org.hbateam.management.jmx";
    private static final Logger LOG = LoggerFactory.getLogger(JmxPublisher.class);

    private final MBeanRegistry registry;
    private final ScheduledExecutorService refresher;

    @Activate
    public JmxPublisher(@Reference(name = "mbeanServer") MBeanServer server, @Reference(name = "admin") FailoverAdmin admin,
                        @Reference(name = "teams") TeamService teams, JmxConfiguration config) {
        long interval = config.refreshIntervalMs();
        if (interval < 100 || interval > 60000) {
            LOG.warn("{}: refreshIntervalMs={} is outside 100..60000; using 1000", PID, interval);
            interval = 1000;
        }
        this.registry = new MBeanRegistry(server, new TeamLookup(admin, teams));
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "hbateam-jmx-refresh"));
        refresher.scheduleWithFixedDelay(this::refresh, 0, interval, TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        try {
            registry.refresh();
        } catch (RuntimeException e) {
            // a team vanishing mid-refresh must not stop later refreshes
            LOG.debug("JMX refresh failed; retrying at the next interval", e);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        refresher.shutdownNow();
        refresher.awaitTermination(5, TimeUnit.SECONDS);
        registry.clear();
    }
}
