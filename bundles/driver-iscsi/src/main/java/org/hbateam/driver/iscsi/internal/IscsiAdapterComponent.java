package org.hbateam.driver.iscsi.internal;

import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A software iSCSI adapter from one factory configuration of {@value AdapterSettings#PID}. A bad
 * configuration is rejected with a log message naming the key and reported CRITICAL by
 * {@link AdapterConfigurationCheck}; the previous adapter (if any) keeps running, and at boot the adapter stays
 * stopped. A good change clears the report and restarts the adapter's sessions with the new settings.
 */
@Component(name = AdapterSettings.PID, configurationPid = AdapterSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = IscsiAdapterConfiguration.class, factory = true)
public final class IscsiAdapterComponent {
    private static final Logger LOG = LoggerFactory.getLogger(IscsiAdapterComponent.class);

    private final PathRegistry registry;
    private final SessionDirectory directory;
    private final HostInitiatorName hostInitiator;
    private final RejectedAdapterConfigs rejected;
    private final String pid;
    private Adapter running;

    @Activate
    public IscsiAdapterComponent(BundleContext context, IscsiAdapterConfiguration config, Map<String, Object> properties,
                                 @Reference SessionDirectory directory, @Reference HostInitiatorName hostInitiator,
                                 @Reference RejectedAdapterConfigs rejected) {
        this(new OsgiPathRegistry(context), config, String.valueOf(properties.get(Constants.SERVICE_PID)), directory,
                hostInitiator, rejected);
    }

    IscsiAdapterComponent(PathRegistry registry, IscsiAdapterConfiguration config, String pid, SessionDirectory directory,
                          HostInitiatorName hostInitiator, RejectedAdapterConfigs rejected) {
        this.registry = registry;
        this.directory = directory;
        this.hostInitiator = hostInitiator;
        this.rejected = rejected;
        this.pid = pid;
        apply(config);
    }

    @Modified
    synchronized void modified(IscsiAdapterConfiguration config) {
        apply(config);
    }

    @Deactivate
    synchronized void deactivate() {
        rejected.clear(pid);
        rejected.clearFallback(pid);
        if (running != null) {
            running.stop();
            running = null;
        }
    }

    private synchronized void apply(IscsiAdapterConfiguration config) {
        AdapterSettings settings;
        try {
            settings = AdapterSettings.from(config, hostInitiator.name());
        } catch (IllegalArgumentException e) {
            // Nothing safe to run on a configuration that never worked: stopped, but visibly so.
            String inForce = running == null ? "the adapter stays stopped until the configuration is fixed"
                    : "the adapter runs on its last good configuration until this one is fixed";
            LOG.error("{}: iSCSI adapter configuration {} rejected ({}); {}", AdapterSettings.PID, pid, e.getMessage(), inForce);
            rejected.reject(new RejectedAdapterConfigs.Rejection(pid, e.getMessage(), inForce));
            return;
        }
        rejected.clear(pid);
        if (running != null) {
            running.stop(); // before the new one logs in: both would use the same ISIDs
        }
        rejected.clearFallback(pid);
        running = new Adapter(settings, registry, directory, reason -> rejected.fellBack(pid, reason));
        running.start();
        LOG.info("iSCSI adapter {} started as {}: portals {}, targets {}{}", settings.name(), settings.initiatorName(),
                settings.portals(), settings.targets().isEmpty() ? "by SendTargets" : settings.targets(),
                settings.connectionBased() ? ", one session per target over connections " + settings.connections() : "");
    }

    /** The running adapter, or null; for tests. */
    synchronized Adapter adapter() {
        return running;
    }
}
