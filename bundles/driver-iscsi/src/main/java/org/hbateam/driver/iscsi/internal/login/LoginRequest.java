package org.hbateam.driver.iscsi.internal.login;

/**
 * Who logs in to what.
 *
 * @param initiatorName the initiator IQN
 * @param targetName    the target IQN; null for a discovery session
 * @param isid          the 6-byte initiator session id, kept across reconnects so the target reinstates the session
 * @param tsih          0 for a new session or a reinstatement, else the session to add a connection to
 * @param cid           the connection id
 * @param cmdSn         the CmdSN to start with
 * @param chap          credentials; {@link ChapCredentials#none()} for no authentication
 * @param proposal      the operational keys to offer
 */
public record LoginRequest(String initiatorName, String targetName, byte[] isid, int tsih, int cid, int cmdSn,
                           ChapCredentials chap, Proposal proposal) {
    public LoginRequest {
        if (isid.length != 6) {
            throw new IllegalArgumentException("an ISID has 6 bytes, got " + isid.length);
        }
    }

    public boolean discovery() {
        return targetName == null;
    }
}
