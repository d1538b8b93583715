package org.hbateam.failover.internal;

import java.util.Locale;

/** When a failed path that looks healthy again goes back into service. */
public enum Failback {
    /** As soon as the driver reports it UP or a probe answers. */
    IMMEDIATE,
    /** Only when an operator reinstates it. */
    MANUAL,
    /** After it has looked healthy for the stable time without a failure (anti-flap). */
    STABLE;

    /** Parses {@code immediate}, {@code manual} or {@code stable}; null for anything else. */
    static Failback parse(String value) {
        for (Failback failback : values()) {
            if (failback.name().toLowerCase(Locale.ROOT).equals(value)) {
                return failback;
            }
        }
        return null;
    }
}
