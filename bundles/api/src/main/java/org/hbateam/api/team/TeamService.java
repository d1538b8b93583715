package org.hbateam.api.team;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The teams the failover service has formed from the data paths it sees. Registered as a service. */
@ProviderType
public interface TeamService {
    /** The teams now, sorted by name. */
    List<Team> teams();

    /** The team with this name, if there is one now. */
    Optional<Team> team(String name);
}
