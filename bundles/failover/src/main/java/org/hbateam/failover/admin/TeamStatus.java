package org.hbateam.failover.admin;

import java.util.List;

/**
 * A snapshot of one team's failover state.
 *
 * @param name               the team's name
 * @param luIdentity         the logical unit's identity, without blanks
 * @param luDesignator       the designator as the unit reported it (blanks and all), which the identity was made
 *                           from; equal to {@code luIdentity} when they do not differ or no path is known (since 1.1)
 * @param policy             the balancing policy in force, or {@code failover-only}
 * @param mode               {@code balance} or {@code failover-only} as configured
 * @param balancerStatus     the balancer's one-line status
 * @param usablePaths        paths that may carry I/O now
 * @param queuedCommands     commands waiting for a usable path
 * @param failovers          how many times a path failed while another could take over, since the team formed
 * @param lastFailoverMillis epoch milliseconds of the last failover, 0 if none
 * @param retries            how many times a command was sent again since the team formed: after a path error
 *                           (on another path where one exists; while none is usable it waits first) or, once per
 *                           command, after a power-on or reset UNIT ATTENTION
 * @param paths              the paths in priority order
 */
public record TeamStatus(String name, String luIdentity, String luDesignator, String policy, String mode,
                         String balancerStatus, int usablePaths, int queuedCommands, long failovers,
                         long lastFailoverMillis, long retries, List<PathStatus> paths) {

    /** The status with the identity as designator, as before {@code luDesignator} existed; kept for source compatibility. */
    public TeamStatus(String name, String luIdentity, String policy, String mode, String balancerStatus,
                      int usablePaths, int queuedCommands, long failovers, long lastFailoverMillis, long retries,
                      List<PathStatus> paths) {
        this(name, luIdentity, luIdentity, policy, mode, balancerStatus, usablePaths, queuedCommands, failovers,
                lastFailoverMillis, retries, paths);
    }

    /** The status without a retry count (0), as before {@code retries} existed; kept for source compatibility. */
    public TeamStatus(String name, String luIdentity, String policy, String mode, String balancerStatus,
                      int usablePaths, int queuedCommands, long failovers, long lastFailoverMillis,
                      List<PathStatus> paths) {
        this(name, luIdentity, policy, mode, balancerStatus, usablePaths, queuedCommands, failovers,
                lastFailoverMillis, 0L, paths);
    }
}
