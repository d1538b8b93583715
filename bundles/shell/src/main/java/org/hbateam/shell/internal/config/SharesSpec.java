package org.hbateam.shell.internal.config;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Parses and checks a shares argument such as {@code hba0=70,hba1=30} before it goes into a team's
 * configuration, with the same rules the failover service applies: entries {@code adapterOrPathId=percent},
 * whole percentages 0 to 100, no id twice, summing to 100. Errors name the configuration key.
 */
public final class SharesSpec {
    private SharesSpec() {
    }

    /**
     * The configuration entries for {@code text}.
     *
     * @param key  the configuration key the shares are for ({@code readShares} or {@code writeShares}), for messages
     * @param text comma-separated {@code id=percent} entries
     * @throws IllegalArgumentException naming the key, when an entry is malformed or the sum is not 100
     */
    public static String[] parse(String key, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(key + ": no shares given; expected entries like hba0=70,hba1=30");
        }
        String[] entries = text.split(",");
        Set<String> ids = new LinkedHashSet<>();
        int sum = 0;
        for (int i = 0; i < entries.length; i++) {
            entries[i] = entries[i].trim();
            String id = idOf(key, entries[i]);
            if (!ids.add(id)) {
                throw new IllegalArgumentException(key + ": '" + id + "' is given twice");
            }
            sum += percentOf(key, entries[i]);
        }
        if (sum != 100) {
            throw new IllegalArgumentException(key + ": shares must sum to 100, they sum to " + sum + " (" + text.trim() + ")");
        }
        return entries;
    }

    private static String idOf(String key, String entry) {
        int eq = entry.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(key + ": entry '" + entry + "' is not adapterOrPathId=percent");
        }
        return entry.substring(0, eq).trim();
    }

    private static int percentOf(String key, String entry) {
        String value = entry.substring(entry.indexOf('=') + 1).trim();
        int percent;
        try {
            percent = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": entry '" + entry + "' has no whole percentage");
        }
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException(key + ": entry '" + entry + "' is outside 0 to 100");
        }
        return percent;
    }
}
