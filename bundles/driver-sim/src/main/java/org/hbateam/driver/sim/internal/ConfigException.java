package org.hbateam.driver.sim.internal;

/**
 * A configuration was rejected. The message names the PID, the key and the reason, in the form
 * {@code org.hbateam.sim.lun: key 'adapters': unknown adapter 'hba9'}, ready to be logged as it is.
 */
final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String key;

    ConfigException(String pid, String key, String reason) {
        super(pid + ": key '" + key + "': " + reason, null, false, false);
        this.key = key;
    }

    /** The configuration key that was rejected. */
    String key() {
        return key;
    }
}
