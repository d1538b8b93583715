package org.hbateam.driver.sim.internal.config;

/**
 * A configuration was rejected. The message names the PID, the key and the reason, in the form
 * {@code org.hbateam.sim.lun: key 'adapters': unknown adapter 'hba9'}, ready to be logged as it is.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final boolean curableByAdapter;

    public ConfigException(String pid, String key, String reason) {
        this(pid, key, reason, false);
    }

    private ConfigException(String pid, String key, String reason, boolean curableByAdapter) {
        super(pid + ": key '" + key + "': " + reason, null, false, false);
        this.key = key;
        this.curableByAdapter = curableByAdapter;
    }

    /** A LUN names an adapter nobody configured: the configuration would pass if that adapter appeared. */
    static ConfigException unknownAdapter(String pid, String key, String adapter) {
        return new ConfigException(pid, key, "unknown adapter '" + adapter + "'", true);
    }

    /** True when the only trouble is an adapter that does not exist yet. */
    public boolean curableByAdapter() {
        return curableByAdapter;
    }

    /** The configuration key that was rejected. */
    String key() {
        return key;
    }
}
