package org.hbateam.failover.admin;

/**
 * A snapshot of one path's health as the failover service sees it.
 *
 * @param pathId           the path's id
 * @param adapterId        its adapter
 * @param sessionId        its session
 * @param priorityGroup    its priority group, 0 being the best
 * @param driverState      the state its driver reports: UP, DEGRADED or DOWN
 * @param usable           whether it may be given commands now
 * @param heldOut          whether the team holds it out (failed, flaky or by an operator)
 * @param heldByOperator   whether an operator failed it
 * @param flaky            whether it is held down as flaky now
 * @param timeoutMillis    its current adaptive command timeout
 * @param averageLatencyNanos its moving average latency
 * @param inFlight         commands in flight on it
 */
public record PathStatus(String pathId, String adapterId, String sessionId, int priorityGroup, String driverState,
                         boolean usable, boolean heldOut, boolean heldByOperator, boolean flaky, long timeoutMillis,
                         long averageLatencyNanos, int inFlight) {
}
