/**
 * Configuration: the metatype of {@code org.hbateam.failover} and {@code org.hbateam.team}, their validated
 * settings records, a team's settings over the global ones ({@code EffectiveSettings}), failback modes, the
 * policy target filter, and the rejected configurations reported until fixed. Not exported.
 */
package org.hbateam.failover.internal.config;
