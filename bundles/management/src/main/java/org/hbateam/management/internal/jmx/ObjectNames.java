package org.hbateam.management.internal.jmx;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/** The ObjectNames hbateam registers, in the {@code org.hbateam} domain. */
final class ObjectNames {
    static final String DOMAIN = "org.hbateam";

    private ObjectNames() {
    }

    static ObjectName team(String team) {
        return name(DOMAIN + ":type=Team,name=" + valueOf(team));
    }

    /** Path ids contain ':' and ',' (target names), so they are always quoted. */
    static ObjectName path(String team, String pathId) {
        return name(DOMAIN + ":type=Path,team=" + valueOf(team) + ",path=" + ObjectName.quote(pathId));
    }

    /** A team name goes in as it is when it can, so that {@code name=default} reads naturally. */
    static String valueOf(String value) {
        return value.isEmpty() || value.matches(".*[,=:\"*?\\\\\\n].*") ? ObjectName.quote(value) : value;
    }

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("not a valid JMX name: " + text, e);
        }
    }
}
