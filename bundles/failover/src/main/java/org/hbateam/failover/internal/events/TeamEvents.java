package org.hbateam.failover.internal.events;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.hbateam.failover.internal.health.PathIdentity;

/**
 * Logs and posts the team's events. Each is raised by a state transition that a CAS guards (a path is
 * held out once, reinstated once, the team goes all-down once), so each is logged once, never per
 * command. Topics and properties are documented in the bundle's README.
 */
public final class TeamEvents {
    public static final String PATH_DOWN = "org/hbateam/path/DOWN";
    static final String PATH_UP = "org/hbateam/path/UP";
    public static final String FAILOVER = "org/hbateam/team/FAILOVER";
    public static final String FAILBACK = "org/hbateam/team/FAILBACK";
    public static final String FLAKY = "org/hbateam/path/FLAKY";
    public static final String ALL_PATHS_DOWN = "org/hbateam/team/ALL_PATHS_DOWN";

    static final String TEAM = "team";
    static final String PATH = "path.id";
    static final String ADAPTER = "adapter.id";
    static final String SESSION = "session.id";
    static final String REASON = "reason";
    static final String USABLE_PATHS = "usable.paths";
    static final String FAILURES = "failures";
    static final String HOLD_DOWN_MS = "holddown.ms";
    static final String TIMESTAMP = "timestamp";

    private static final Logger LOG = LoggerFactory.getLogger(TeamEvents.class);

    private final Supplier<EventSink> sink;

    public TeamEvents(Supplier<EventSink> sink) {
        this.sink = sink;
    }

    public void pathDown(String team, PathIdentity path, String reason, int usable) {
        LOG.warn("team {}: path {} (adapter {}) failed: {}; {} usable path(s) left", team, path.pathId(), path.adapterId(), reason, usable);
        post(PATH_DOWN, team, path, reason, usable);
        if (usable > 0) {
            post(FAILOVER, team, path, reason, usable);
        }
    }

    public void pathUp(String team, PathIdentity path, String reason, int usable) {
        LOG.info("team {}: path {} (adapter {}) reinstated: {}; {} usable path(s)", team, path.pathId(), path.adapterId(), reason, usable);
        post(PATH_UP, team, path, reason, usable);
        post(FAILBACK, team, path, reason, usable);
    }

    public void flaky(String team, PathIdentity path, int failures, long holdDownMs) {
        LOG.warn("team {}: path {} is flaky ({} failures in the window); held down for {} ms", team, path.pathId(), failures, holdDownMs);
        Map<String, Object> properties = properties(team, path, "flaky", -1);
        properties.put(FAILURES, failures);
        properties.put(HOLD_DOWN_MS, holdDownMs);
        sink.get().post(FLAKY, properties);
    }

    public void allPathsDown(String team, String reason) {
        LOG.error("team {}: no usable path ({}); commands wait for a path to come back", team, reason);
        Map<String, Object> properties = new HashMap<>();
        properties.put(TEAM, team);
        properties.put(REASON, reason);
        properties.put(USABLE_PATHS, 0);
        properties.put(TIMESTAMP, System.currentTimeMillis());
        sink.get().post(ALL_PATHS_DOWN, properties);
    }

    private void post(String topic, String team, PathIdentity path, String reason, int usable) {
        sink.get().post(topic, properties(team, path, reason, usable));
    }

    private static Map<String, Object> properties(String team, PathIdentity path, String reason, int usable) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(TEAM, team);
        properties.put(PATH, path.pathId());
        properties.put(ADAPTER, path.adapterId());
        properties.put(SESSION, path.sessionId());
        properties.put(REASON, reason);
        if (usable >= 0) {
            properties.put(USABLE_PATHS, usable);
        }
        properties.put(TIMESTAMP, System.currentTimeMillis());
        return properties;
    }
}
