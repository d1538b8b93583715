package org.hbateam.testbed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code KEY=VALUE} lines that {@code bed up}, {@code bed summary} and {@code bed status}
 * print. The keys are listed in testbed/README.md.
 */
public final class BedSummary {
    private final Map<String, String> values;

    private BedSummary(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Parses the script's output; lines without {@code =} (none expected) are ignored. */
    public static BedSummary parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            }
        }
        return new BedSummary(values);
    }

    /** The value of {@code key}; a missing key is a broken contract with the script. */
    public String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new TestBedException("the bed script's summary has no key " + key + "; it has " + values.keySet());
        }
        return value;
    }

    /** The value of {@code key}, empty when absent or blank. */
    public Optional<String> find(String key) {
        return Optional.ofNullable(values.get(key)).filter(value -> !value.isBlank());
    }

    public int intValue(String key) {
        return Integer.parseInt(get(key));
    }

    public long longValue(String key) {
        return Long.parseLong(get(key));
    }

    public Map<String, String> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
