package org.hbateam.failover.admin;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Operator control of the failover service, registered as a service by the failover bundle. Every
 * operation that names a team or path throws {@link IllegalArgumentException} when there is no such team
 * or path now; nothing here blocks on I/O.
 */
@ProviderType
public interface FailoverAdmin {
    /** The status of every team, sorted by name. */
    List<TeamStatus> statuses();

    /**
     * The configurations that are rejected now ({@code org.hbateam.failover} and {@code org.hbateam.team}), sorted by
     * PID; empty when every configuration was accepted. A rejected configuration never changes behaviour silently:
     * the component runs on what {@link ConfigurationProblem#inForce()} says until the configuration is fixed.
     */
    default List<ConfigurationProblem> configurationProblems() {
        return List.of();
    }

    /** The status of one team, if it exists now. */
    Optional<TeamStatus> status(String team);

    /**
     * Takes the path out of service as if it had failed; its in-flight commands finish where they are and
     * new ones go elsewhere. It stays out, whatever its health, until {@link #reinstatePath}.
     */
    void failPath(String team, String pathId);

    /**
     * Puts the path back into service now, bypassing the failback policy and a flaky hold-down.
     *
     * @return false when the path cannot carry I/O now (its driver reports it DOWN) or was not out
     */
    boolean reinstatePath(String team, String pathId);

    /**
     * Makes the path (by path id or adapter id) the team's primary for failover-only routing, overriding the
     * configured primary until the service restarts; null or empty returns to the configured primary.
     */
    void preferPath(String team, String pathIdOrAdapter);

    /**
     * Restarts the team's counting window and forgets latency estimates and failure history (flakiness).
     * Cumulative byte counters are kept: the balancer SPI promises they are never reset.
     */
    void resetCounters(String team);
}
