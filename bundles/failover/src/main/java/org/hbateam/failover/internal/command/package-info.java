/**
 * The command path: submit, routing to a path, one attempt at a time, error classification, the queue of
 * commands waiting for a usable path, and the retries that wait (for a fence after an unknown outcome, or
 * after a target's "not now"). Lock-free and allocation-free on the way to a path. Not exported.
 */
package org.hbateam.failover.internal.command;
