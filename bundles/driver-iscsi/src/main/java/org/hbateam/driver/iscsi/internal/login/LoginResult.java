package org.hbateam.driver.iscsi.internal.login;

/**
 * A completed login, ready for the full feature phase.
 *
 * @param tsih       the session handle the target assigned
 * @param cmdSn      the CmdSN of the first command
 * @param expStatSn  the next StatSN expected from the target
 * @param expCmdSn   the target's ExpCmdSN
 * @param maxCmdSn   the target's MaxCmdSN: the command window's upper end
 * @param parameters the negotiated operational parameters
 */
public record LoginResult(int tsih, int cmdSn, int expStatSn, int expCmdSn, int maxCmdSn, Negotiated parameters) {
}
