package org.hbateam.api.path;

import org.osgi.annotation.versioning.ProviderType;

/** Told when a {@link DataPath} changes state. The failover service implements it; drivers call it. */
@ProviderType
public interface PathStateListener {
    /**
     * The path is now in {@code state}. Called once per change, on any thread, never while the driver
     * holds a lock that {@link DataPath#submit} needs.
     *
     * @param reason a short human-readable cause, such as "connection reset"; never null
     */
    void pathStateChanged(DataPath path, PathState state, String reason);
}
