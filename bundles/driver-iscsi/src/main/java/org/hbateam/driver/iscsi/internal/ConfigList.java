package org.hbateam.driver.iscsi.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The elements of a list-valued configuration key ({@code portals}, {@code targets}). Karaf reads a
 * {@code .cfg} file as plain strings, so there a list arrives as one string, {@code a, b}; a typed source
 * (a {@code .config} file, {@code config:property-append}, the web console) gives an array. Both are
 * accepted: every array element is split at commas, which neither a portal nor an iSCSI name contains.
 */
final class ConfigList {
    private ConfigList() {
    }

    /**
     * The trimmed elements, in order; a missing or wholly blank value is the empty list.
     *
     * @throws IllegalArgumentException naming the key, for an empty element ({@code a,,b}, {@code a,}) or a
     *         quoted one (the JSON-like {@code ["a"]}, which a {@code .cfg} file keeps as literal text)
     */
    static List<String> elements(String key, String[] values) {
        List<String> elements = new ArrayList<>();
        if (values == null || isBlank(values)) {
            return elements;
        }
        for (String value : values) {
            String[] parts = (value == null ? "" : value).split(",", -1);
            for (String part : parts) {
                elements.add(element(key, part.trim(), value));
            }
        }
        return elements;
    }

    private static String element(String key, String element, String value) {
        if (element.isEmpty()) {
            throw new IllegalArgumentException(key + ": an empty element in '" + value
                    + "'; separate the values with single commas");
        }
        if (element.indexOf('"') >= 0 || element.indexOf('\'') >= 0) {
            throw new IllegalArgumentException(key + ": quotes in '" + value + "'; in a .cfg file write the "
                    + "values bare, separated by commas: " + key + " = a, b");
        }
        return element;
    }

    private static boolean isBlank(String[] values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
