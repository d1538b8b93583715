package org.hbateam.failover.internal.events;

import java.util.Map;
import org.hbateam.failover.internal.EventAdminSink;

/** Where team events go besides the log: EventAdmin when present (see {@link EventAdminSink}), else nowhere. */
public interface EventSink {
    EventSink NONE = (topic, properties) -> { };

    /** Posts asynchronously; never throws. */
    void post(String topic, Map<String, Object> properties);
}
