package org.hbateam.driver.iscsi.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import org.osgi.service.component.annotations.Component;

/**
 * The {@value AdapterSettings#PID} configurations rejected now, by PID, each with the reason (naming the key) and
 * what runs instead: what {@link AdapterConfigurationCheck} reports CRITICAL until each is fixed. One instance for
 * the bundle, made by DS and given to each adapter component.
 */
@Component(service = RejectedAdapterConfigs.class)
public final class RejectedAdapterConfigs {
    /** One rejected configuration: its PID, the reason (which names the key) and what runs instead. */
    public record Rejection(String pid, String reason, String inForce) {
    }

    private final Map<String, Rejection> byPid = new ConcurrentSkipListMap<>();

    void reject(Rejection rejection) {
        byPid.put(rejection.pid(), rejection);
    }

    /** The configuration was accepted, or is gone. */
    void clear(String pid) {
        byPid.remove(pid);
    }

    /** Sorted by PID. */
    public List<Rejection> list() {
        return List.copyOf(byPid.values());
    }
}
