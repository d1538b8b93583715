package org.hbateam.itests.felix;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/** Records every event the failover service posts under {@code org/hbateam/*}, until {@link #close()}. */
final class EventRecorder implements EventHandler, AutoCloseable {
    static final String PATH_DOWN = "org/hbateam/path/DOWN";
    static final String PATH_UP = "org/hbateam/path/UP";
    static final String FAILOVER = "org/hbateam/team/FAILOVER";
    static final String FAILBACK = "org/hbateam/team/FAILBACK";
    static final String FLAKY = "org/hbateam/path/FLAKY";
    static final String ALL_PATHS_DOWN = "org/hbateam/team/ALL_PATHS_DOWN";

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final ServiceRegistration<EventHandler> registration;

    EventRecorder(BundleContext context) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, new String[] {"org/hbateam/*"});
        registration = context.registerService(EventHandler.class, this, properties);
    }

    @Override
    public void handleEvent(Event event) {
        events.add(event);
    }

    /** How many events of {@code topic} arrived. */
    long count(String topic) {
        return events.stream().filter(e -> e.getTopic().equals(topic)).count();
    }

    /** How many events of {@code topic} arrived about path {@code pathId}. */
    long count(String topic, String pathId) {
        return events.stream().filter(e -> e.getTopic().equals(topic) && pathId.equals(e.getProperty("path.id"))).count();
    }

    /**
     * Waits until {@code count} events of {@code topic} have arrived (EventAdmin delivers asynchronously),
     * then waits a little longer so that a duplicate would have time to show.
     */
    void await(String topic, long count, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (count(topic) < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(200);
    }

    /** Waits (without the extra pause of {@link #await}) until {@code count} events of {@code topic} about the path arrived. */
    void awaitCount(String topic, String pathId, long count, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (count(topic, pathId) < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(2);
        }
    }

    /** The {@code reason} property of each event of {@code topic}. */
    List<String> reasons(String topic) {
        return events.stream().filter(e -> e.getTopic().equals(topic)).map(e -> String.valueOf(e.getProperty("reason"))).toList();
    }

    /** Event counts by topic, for messages. */
    Map<String, Long> byTopic() {
        Map<String, Long> counts = new TreeMap<>();
        events.forEach(e -> counts.merge(e.getTopic().substring("org/hbateam/".length()), 1L, Long::sum));
        return counts;
    }

    @Override
    public void close() {
        registration.unregister();
    }
}
