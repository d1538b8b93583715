package org.hbateam.driver.iscsi.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import org.osgi.service.component.annotations.Component;

/**
 * The {@value AdapterSettings#PID} configurations rejected now, by PID, each with the reason (naming the key) and
 * what runs instead: what {@link AdapterConfigurationCheck} reports CRITICAL until each is fixed. Also the
 * connection-based adapters that fell back to one session per adapter, which it reports WARN. One instance for
 * the bundle, made by DS and given to each adapter component.
 */
@Component(service = RejectedAdapterConfigs.class)
public final class RejectedAdapterConfigs {
    /** One rejected configuration: its PID, the reason (which names the key) and what runs instead. */
    public record Rejection(String pid, String reason, String inForce) {
    }

    /** A connection-based adapter that fell back to one session per adapter: its PID and why. */
    public record Fallback(String pid, String reason) {
    }

    private final Map<String, Rejection> byPid = new ConcurrentSkipListMap<>();
    private final Map<String, Fallback> fallbacks = new ConcurrentSkipListMap<>();

    void reject(Rejection rejection) {
        byPid.put(rejection.pid(), rejection);
    }

    /** The configuration was accepted, or is gone. */
    void clear(String pid) {
        byPid.remove(pid);
    }

    /** The adapter of {@code pid} runs session-based although configured connection-based, for {@code reason}. */
    void fellBack(String pid, String reason) {
        fallbacks.put(pid, new Fallback(pid, reason));
    }

    /** The adapter of {@code pid} was stopped or restarted: it tries connection-based teaming again. */
    void clearFallback(String pid) {
        fallbacks.remove(pid);
    }

    /** Sorted by PID. */
    public List<Fallback> fallbacks() {
        return List.copyOf(fallbacks.values());
    }

    /** Sorted by PID. */
    public List<Rejection> list() {
        return List.copyOf(byPid.values());
    }
}
