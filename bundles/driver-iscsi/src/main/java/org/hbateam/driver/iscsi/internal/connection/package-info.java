/**
 * One TCP connection to a target portal and what travels on it outside the command core: connecting and logging in
 * (following redirections), the settings a login needs, SendTargets discovery, Logout Requests and their outcomes,
 * and the control PDUs and intrusive queue links that a connection's writer thread sends. Knows nothing of sessions
 * or tasks, so the session package builds on it and not the other way round.
 */
package org.hbateam.driver.iscsi.internal.connection;
