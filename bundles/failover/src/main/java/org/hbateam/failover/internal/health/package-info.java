/**
 * Path health: one path's entry and counters, holding a path out and bringing it back by the failback
 * policy, probes of idle or held-out paths, adaptive command timeouts, flaky-path hold-down, and the
 * bookkeeping calls into drivers. Not exported.
 */
package org.hbateam.failover.internal.health;
