package org.hbateam.driver.sim.internal.config;

/**
 * The validated settings of one simulated adapter.
 *
 * @param name           the adapter id
 * @param bandwidthMBps  link bandwidth in 10^6 bytes per second, > 0
 * @param latencyMicros  per-command latency, >= 0
 * @param queueDepth     commands in service at once, >= 1
 */
public record AdapterSettings(String name, int bandwidthMBps, int latencyMicros, int queueDepth) {
    public static final String PID = "org.hbateam.sim.adapter";

    /** Validates a configuration; the exception names the first bad key. */
    public static AdapterSettings from(SimAdapterConfiguration config) throws ConfigException {
        return of(config.name(), config.bandwidthMBps(), config.latencyMicros(), config.queueDepth());
    }

    public static AdapterSettings of(String name, int bandwidthMBps, int latencyMicros, int queueDepth)
            throws ConfigException {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw new ConfigException(PID, "name", "must not be blank");
        }
        // ':' separates the parts of a path id; ',' and spaces separate the names in a LUN's adapter list.
        if (trimmed.chars().anyMatch(c -> c == ':' || c == ',' || Character.isWhitespace(c))) {
            throw new ConfigException(PID, "name", "'" + trimmed + "' must not contain ':', ',' or whitespace");
        }
        if (bandwidthMBps <= 0) {
            throw new ConfigException(PID, "bandwidthMBps", "must be > 0, was " + bandwidthMBps);
        }
        if (latencyMicros < 0) {
            throw new ConfigException(PID, "latencyMicros", "must be >= 0, was " + latencyMicros);
        }
        if (queueDepth < 1) {
            throw new ConfigException(PID, "queueDepth", "must be >= 1, was " + queueDepth);
        }
        return new AdapterSettings(trimmed, bandwidthMBps, latencyMicros, queueDepth);
    }

    /** Nanoseconds the link is busy moving {@code bytes}: bytes / (bandwidth * 10^6) seconds. */
    public long transferNanos(long bytes) {
        return bytes * 1_000L / bandwidthMBps;
    }

    public long latencyNanos() {
        return latencyMicros * 1_000L;
    }
}
