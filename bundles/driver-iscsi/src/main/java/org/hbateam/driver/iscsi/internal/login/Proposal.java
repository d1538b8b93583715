package org.hbateam.driver.iscsi.internal.login;

/**
 * What the initiator asks for in operational negotiation. The target's answers turn it into
 * {@link Negotiated} values.
 *
 * @param headerDigest             ask for CRC32C header digests
 * @param dataDigest               ask for CRC32C data digests
 * @param maxRecvDataSegmentLength the largest data segment this initiator receives (declared)
 * @param maxBurstLength           the largest solicited or unsolicited burst
 * @param firstBurstLength         the largest unsolicited data of one command
 * @param initialR2T               Yes to forbid unsolicited Data-Out
 * @param immediateData            Yes to allow data in the SCSI Command PDU
 * @param maxConnections           connections per session
 */
public record Proposal(boolean headerDigest, boolean dataDigest, int maxRecvDataSegmentLength, int maxBurstLength,
                       int firstBurstLength, boolean initialR2T, boolean immediateData, int maxConnections) {
    /** The RFC 7143 defaults, with digests off. */
    public static Proposal defaults() {
        return new Proposal(false, false, 262144, 262144, 65536, true, true, 1);
    }
}
