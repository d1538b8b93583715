package org.hbateam.failover.admin;

/**
 * A configuration the failover service rejected and what it runs with instead, until the configuration is fixed.
 *
 * @param pid     the rejected configuration's PID ({@code org.hbateam.failover}, or an {@code org.hbateam.team~...}
 *                factory PID)
 * @param key     the first bad key
 * @param message the whole reason, naming the key
 * @param team    the name of the team the configuration is for, or empty for the global settings (or a team
 *                configuration so broken that it names no LU)
 * @param inForce what runs instead: the last good settings, or, when there were none, the declared defaults
 *                (global) or the team's name in failover-only mode
 */
public record ConfigurationProblem(String pid, String key, String message, String team, String inForce) {
}
