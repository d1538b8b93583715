/**
 * Events: each path and team state transition, logged once and posted to EventAdmin through an
 * {@code EventSink} when one is present. Not exported.
 */
package org.hbateam.failover.internal.events;
