package org.hbateam.driver.iscsi.internal.connection;

import java.net.InetSocketAddress;

import org.hbateam.driver.iscsi.internal.login.ChapCredentials;
import org.hbateam.driver.iscsi.internal.login.Portal;
import org.hbateam.driver.iscsi.internal.login.Proposal;

/**
 * Everything one session needs to log in and stay up.
 *
 * @param name             a name for logs, such as {@code hba0/10.0.0.2:3260/iqn...}
 * @param localAddress     the adapter's bind address; null for any
 * @param portal           the target portal to log in through
 * @param initiatorName    the initiator IQN
 * @param targetName       the target IQN; null for a discovery session
 * @param isid             the session's ISID, kept across reconnects so the target reinstates the session
 * @param chap             credentials ({@link ChapCredentials#none()} for none)
 * @param proposal         the operational keys to offer
 * @param loginTimeoutMs   connect plus login must finish within this
 * @param nopIntervalMs    ping after this long without a PDU from the target
 * @param nopTimeoutMs     declare the link dead when a ping stays unanswered this long
 * @param taskManagementTimeoutMs escalate a task management request unanswered this long
 * @param reconnectDelayMs the first delay before reconnecting; doubled per failure up to the cap
 * @param reconnectMaxDelayMs the cap on the reconnect delay
 */
public record SessionSettings(String name, InetSocketAddress localAddress, Portal portal, String initiatorName,
                              String targetName, byte[] isid, ChapCredentials chap, Proposal proposal,
                              int loginTimeoutMs, int nopIntervalMs, int nopTimeoutMs, int taskManagementTimeoutMs,
                              int reconnectDelayMs, int reconnectMaxDelayMs) {
    /** The same session (initiator, ISID, credentials) over another route, with its own login deadline. */
    public SessionSettings via(InetSocketAddress otherLocalAddress, Portal otherPortal, int otherLoginTimeoutMs) {
        return new SessionSettings(name, otherLocalAddress, otherPortal, initiatorName, targetName, isid, chap, proposal,
                otherLoginTimeoutMs, nopIntervalMs, nopTimeoutMs, taskManagementTimeoutMs, reconnectDelayMs,
                reconnectMaxDelayMs);
    }

    /** The same settings for another portal (a login redirection). */
    public SessionSettings withPortal(Portal other) {
        return new SessionSettings(name, localAddress, other, initiatorName, targetName, isid, chap, proposal,
                loginTimeoutMs, nopIntervalMs, nopTimeoutMs, taskManagementTimeoutMs, reconnectDelayMs,
                reconnectMaxDelayMs);
    }
}
