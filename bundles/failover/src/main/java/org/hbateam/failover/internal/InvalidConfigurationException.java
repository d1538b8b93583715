package org.hbateam.failover.internal;

/** A configuration value was rejected; the message names the PID, the key and the reason. */
final class InvalidConfigurationException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String key;

    InvalidConfigurationException(String pid, String key, String reason) {
        super(pid + ": key '" + key + "' rejected: " + reason, null, false, false);
        this.key = key;
    }

    String key() {
        return key;
    }
}
