package org.hbateam.driver.iscsi.internal;

import org.osgi.framework.BundleContext;
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
 * configuration is rejected with a log message naming the key, and the previous adapter (if any) keeps
 * running; a good change restarts the adapter's sessions with the new settings.
 */
@Component(name = AdapterSettings.PID, configurationPid = AdapterSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = IscsiAdapterConfiguration.class, factory = true)
public final class IscsiAdapterComponent {
    private static final Logger LOG = LoggerFactory.getLogger(IscsiAdapterComponent.class);

    private final PathRegistry registry;
    private final SessionDirectory directory;
    private final HostInitiatorName hostInitiator;
    private Adapter running;

    @Activate
    public IscsiAdapterComponent(BundleContext context, IscsiAdapterConfiguration config,
                                 @Reference SessionDirectory directory, @Reference HostInitiatorName hostInitiator) {
        this(new OsgiPathRegistry(context), config, directory, hostInitiator);
    }

    IscsiAdapterComponent(PathRegistry registry, IscsiAdapterConfiguration config, SessionDirectory directory,
                          HostInitiatorName hostInitiator) {
        this.registry = registry;
        this.directory = directory;
        this.hostInitiator = hostInitiator;
        apply(config);
    }

    @Modified
    synchronized void modified(IscsiAdapterConfiguration config) {
        apply(config);
    }

    @Deactivate
    synchronized void deactivate() {
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
            LOG.error("iSCSI adapter configuration rejected ({}); {}", e.getMessage(),
                    running == null ? "the adapter stays stopped" : "the previous configuration stays in force");
            return;
        }
        if (running != null) {
            running.stop(); // before the new one logs in: both would use the same ISIDs
        }
        running = new Adapter(settings, registry, directory);
        running.start();
        LOG.info("iSCSI adapter {} started as {}: portals {}, targets {}", settings.name(), settings.initiatorName(),
                settings.portals(),
                settings.targets().isEmpty() ? "by SendTargets" : settings.targets());
    }

    /** The running adapter, or null; for tests. */
    synchronized Adapter adapter() {
        return running;
    }
}
