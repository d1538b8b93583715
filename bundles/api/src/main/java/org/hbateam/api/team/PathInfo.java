package org.hbateam.api.team;

import org.hbateam.api.path.PathState;

/**
 * A snapshot of one path of a team, for display and monitoring.
 *
 * @param pathId        the path's id
 * @param adapterId     its adapter
 * @param target        the target name
 * @param lun           the logical unit number
 * @param state         the driver's state, or DOWN while the team holds the path out
 * @param bytesRead     bytes read through it since it joined
 * @param bytesWritten  bytes written through it since it joined
 * @param commands      commands completed on it since it joined
 * @param inFlight      commands in flight now
 * @param readShare     the balancer's current read share in percent
 * @param writeShare    the balancer's current write share in percent
 */
public record PathInfo(String pathId, String adapterId, String target, long lun, PathState state,
                       long bytesRead, long bytesWritten, long commands, int inFlight,
                       double readShare, double writeShare) {
}
