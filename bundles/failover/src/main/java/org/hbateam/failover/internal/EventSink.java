package org.hbateam.failover.internal;

import java.util.Map;

/** Where team events go besides the log: EventAdmin when present (see {@link EventAdminSink}), else nowhere. */
public interface EventSink {
    EventSink NONE = (topic, properties) -> { };

    /** Posts asynchronously; never throws. */
    void post(String topic, Map<String, Object> properties);
}
