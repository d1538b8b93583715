package org.hbateam.management.internal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;
import org.hbateam.api.team.TeamService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples every team once per interval into the {@link History} the page shows, and records the hbateam events
 * (all topics under {@code org/hbateam/}) for its timeline. The failover service already logs each event once
 * at its level, so nothing is logged here. A bad value is refused, naming the key; the default applies instead.
 */
@Component(service = {HistoryRecorder.class, EventHandler.class}, configurationPid = HistoryRecorder.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = EventConstants.EVENT_TOPIC + "=org/hbateam/*")
@Designate(ocd = WebConfiguration.class)
public final class HistoryRecorder implements EventHandler {
    static final String PID = "org.hbateam.management.web";
    private static final Logger LOG = LoggerFactory.getLogger(HistoryRecorder.class);

    private final TeamService teams;
    private final History history;
    private final ScheduledExecutorService sampler;

    @Activate
    public HistoryRecorder(@Reference(name = "teams") TeamService teams, WebConfiguration config) {
        this.teams = teams;
        this.history = new History(checked("samplesKept", config.samplesKept(), 10, 10000, 300),
                checked("eventsKept", config.eventsKept(), 10, 10000, 200));
        long interval = checked("sampleIntervalMs", config.sampleIntervalMs(), 200, 60000, 1000);
        this.sampler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "hbateam-web-sampler"));
        sampler.scheduleAtFixedRate(this::sample, 0, interval, TimeUnit.MILLISECONDS);
    }

    History history() {
        return history;
    }

    @Override
    public void handleEvent(Event event) {
        history.record(new TimelineEvent(longProperty(event, "timestamp"), event.getTopic(), stringProperty(event, "team"),
                stringProperty(event, "path.id"), stringProperty(event, "reason")));
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        sampler.shutdownNow();
        sampler.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void sample() {
        try {
            Map<String, List<PathInfo>> paths = new LinkedHashMap<>();
            for (Team team : teams.teams()) {
                paths.put(team.name(), team.paths());
            }
            history.sample(paths, System.currentTimeMillis());
        } catch (RuntimeException e) {
            // a team vanishing mid-sample must not end sampling
            LOG.debug("sampling the teams failed; trying again at the next interval", e);
        }
    }

    private static long checked(String key, long value, long min, long max, long fallback) {
        if (value < min || value > max) {
            LOG.warn("{}: {}={} is outside {}..{}; using {}", PID, key, value, min, max, fallback);
            return fallback;
        }
        return value;
    }

    private static int checked(String key, int value, int min, int max, int fallback) {
        return (int) checked(key, (long) value, min, max, fallback);
    }

    private static String stringProperty(Event event, String key) {
        Object value = event.getProperty(key);
        return value == null ? "" : value.toString();
    }

    private static long longProperty(Event event, String key) {
        Object value = event.getProperty(key);
        return value instanceof Number n ? n.longValue() : System.currentTimeMillis();
    }
}
