/**
 * Teams by LU identity: the registry that paths join and leave, which settings and balancer each team gets,
 * dormant teams, lock-free listings, one team ({@code TeamImpl}) and its membership, and the copy-on-write
 * path set its balancer sees. Not exported.
 */
package org.hbateam.failover.internal.team;
