package org.hbateam.api.balancer;

import org.osgi.annotation.versioning.ProviderType;

/** What a balancer sees of its team. The failover service implements it. */
@ProviderType
public interface TeamView {
    /** The team's name. */
    String name();

    /** The team's current paths; the same object until membership changes. */
    PathSet paths();

    /** Starts a new counting window for {@link PathSet#windowBytes}, for example after a balancer changes shares. */
    void restartWindow();
}
