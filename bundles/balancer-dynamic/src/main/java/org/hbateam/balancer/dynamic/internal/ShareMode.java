package org.hbateam.balancer.dynamic.internal;

import java.util.Arrays;
import java.util.Locale;

/**
 * How the timer moves shares. {@link #PATENT} is FIG. 5 exactly; the two others go beyond the patent where
 * it falls short, and are opt-in.
 */
public enum ShareMode {
    /** FIG. 5 only: share moves away from a path whose adapter carries more than its share, and never comes back. */
    PATENT,
    /**
     * FIG. 5, plus share given back to a path that has stayed under its configured share with normal latency
     * for {@code relaxIntervals} ticks, so the shares return to the configuration once the congestion is over.
     */
    RELAXED,
    /**
     * Shares steered by each path's measured latency instead of its bytes: share flows to the paths that
     * complete faster until their latencies meet, which on saturated links puts each path's share in
     * proportion to its service rate (links of unequal speed, or an adapter shared with another team).
     */
    CAPACITY;

    /** The key of the configuration that chooses the mode. */
    static final String KEY = "mode";

    /** The mode named {@code value} (any case); throws naming the key and the accepted values otherwise. */
    static ShareMode parse(String value) {
        String name = value == null ? "" : value.trim();
        for (ShareMode mode : values()) {
            if (mode.configName().equals(name.toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException(KEY + " must be one of " + Arrays.stream(values()).map(ShareMode::configName).toList()
            + ", was '" + value + "'");
    }

    /** The name used in configuration and status lines. */
    String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
