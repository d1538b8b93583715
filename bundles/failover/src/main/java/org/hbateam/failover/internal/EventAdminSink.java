package org.hbateam.failover.internal;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.hbateam.failover.internal.events.EventSink;

/**
 * Posts team events to EventAdmin. A component of its own, with a mandatory reference, so that the failover
 * service needs neither EventAdmin nor its package: without an EventAdmin service this component never
 * activates (SCR does not even load the class), and the failover service's optional reference to
 * {@link EventSink} stays empty. The package import is optional in bnd.bnd.
 */
@Component(service = EventSink.class)
public final class EventAdminSink implements EventSink {
    private static final Logger LOG = LoggerFactory.getLogger(EventAdminSink.class);

    private final EventAdmin eventAdmin;

    @Activate
    public EventAdminSink(@Reference(name = "eventAdmin") EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    @Override
    public void post(String topic, Map<String, Object> properties) {
        try {
            eventAdmin.postEvent(new Event(topic, properties));
        } catch (RuntimeException e) {
            LOG.warn("could not post event {}", topic, e);
        }
    }
}
