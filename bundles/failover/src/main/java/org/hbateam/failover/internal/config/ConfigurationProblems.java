package org.hbateam.failover.internal.config;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import org.hbateam.failover.admin.ConfigurationProblem;

/**
 * The configurations rejected now, by PID: what the shell, JMX and the health check show until each is fixed.
 * A component reports its PID's problem on every rejection and clears it on the next accepted configuration or
 * when it goes away.
 */
public final class ConfigurationProblems {
    private final Map<String, ConfigurationProblem> byPid = new ConcurrentSkipListMap<>();

    public void report(ConfigurationProblem problem) {
        byPid.put(problem.pid(), problem);
    }

    public void clear(String pid) {
        byPid.remove(pid);
    }

    /** Sorted by PID. */
    public List<ConfigurationProblem> list() {
        return List.copyOf(byPid.values());
    }
}
