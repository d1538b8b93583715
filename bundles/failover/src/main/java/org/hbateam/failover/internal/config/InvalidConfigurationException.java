package org.hbateam.failover.internal.config;

/** A configuration value was rejected; the message names the PID, the key and the reason. */
public final class InvalidConfigurationException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String key;

    InvalidConfigurationException(String pid, String key, String reason) {
        super(pid + ": key '" + key + "' rejected: " + reason, null, false, false);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
