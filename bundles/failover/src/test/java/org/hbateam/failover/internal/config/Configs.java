package org.hbateam.failover.internal.config;

import java.util.Map;

import org.osgi.util.converter.Converters;

/** A configuration annotation from overrides and the declared defaults, converted by the rules DS applies. */
public final class Configs {
    private Configs() {
    }

    public static <A> A of(Class<A> type, Map<String, Object> values) {
        return Converters.standardConverter().convert(values).to(type);
    }
}
