package org.hbateam.shell.internal.config;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Changes a team's {@code org.hbateam.team} configuration through ConfigurationAdmin, so the failover service
 * applies it live. A configuration read from {@code etc/} is written back there by Karaf's file install; a team
 * that has none gets a new one, keyed by its LU identity.
 */
public final class TeamConfigurations {
    /** The factory PID of team configurations. */
    public static final String FACTORY_PID = "org.hbateam.team";

    private final ConfigurationAdmin configAdmin;

    public TeamConfigurations(ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
    }

    /**
     * Puts {@code changes} into the configuration of the team with this LU identity, creating one with its
     * LU identity and name when there is none.
     *
     * @return the PID of the configuration changed
     */
    public String update(String luIdentity, String teamName, Map<String, Object> changes) throws IOException {
        Configuration config = find(luIdentity);
        Dictionary<String, Object> properties = config == null ? null : config.getProperties();
        if (config == null) {
            // "?" leaves the configuration unbound, so the failover bundle (not the shell) receives it.
            config = configAdmin.getFactoryConfiguration(FACTORY_PID, configName(teamName), "?");
            properties = config.getProperties();
        }
        if (properties == null) {
            properties = new Hashtable<>();
            properties.put("luIdentity", luIdentity);
            properties.put("name", teamName);
        }
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            properties.put(change.getKey(), change.getValue());
        }
        config.update(properties);
        return config.getPid();
    }

    /** The team configuration for this LU identity, or null. */
    Configuration find(String luIdentity) throws IOException {
        String filter = "(&(service.factoryPid=" + FACTORY_PID + ")(luIdentity=" + escape(luIdentity) + "))";
        try {
            Configuration[] found = configAdmin.listConfigurations(filter);
            return found == null || found.length == 0 ? null : found[0];
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("LU identity '" + luIdentity + "' cannot be looked up: " + e.getMessage());
        }
    }

    /** A configuration name from the team name: letters, digits, dot, dash and underscore only. */
    static String configName(String teamName) {
        return teamName.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Escapes the characters RFC 1960 filters reserve. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
