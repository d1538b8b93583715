package org.hbateam.management.internal.web;

/**
 * An hbateam event as the timeline marks it.
 *
 * @param epochMillis when it happened
 * @param topic       the EventAdmin topic, e.g. {@code org/hbateam/path/DOWN}
 * @param team        the team
 * @param pathId      the path, empty for team-wide events
 * @param reason      why, as the failover service said
 */
record TimelineEvent(long epochMillis, String topic, String team, String pathId, String reason) {
}
