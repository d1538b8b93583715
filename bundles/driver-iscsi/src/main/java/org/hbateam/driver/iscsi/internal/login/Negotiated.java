package org.hbateam.driver.iscsi.internal.login;

/**
 * The operational parameters in force after login (RFC 7143 13).
 *
 * @param headerDigest                   CRC32C header digests on both directions
 * @param dataDigest                     CRC32C data digests on both directions
 * @param maxRecvDataSegmentLength       the largest segment the target may send us (our declaration)
 * @param targetMaxRecvDataSegmentLength the largest segment we may send the target (its declaration)
 * @param maxBurstLength                 the largest burst of one sequence
 * @param firstBurstLength               the largest unsolicited data of one command
 * @param initialR2T                     true when unsolicited Data-Out is forbidden
 * @param immediateData                  true when data may ride in the SCSI Command PDU
 * @param maxConnections                 connections per session
 * @param errorRecoveryLevel             always 0 here
 * @param defaultTime2Wait               seconds to wait before reconnecting after a drop
 * @param defaultTime2Retain             seconds the target keeps tasks of a dropped connection
 * @param maxOutstandingR2T              R2Ts per task; 1 here
 */
public record Negotiated(boolean headerDigest, boolean dataDigest, int maxRecvDataSegmentLength,
                         int targetMaxRecvDataSegmentLength, int maxBurstLength, int firstBurstLength,
                         boolean initialR2T, boolean immediateData, int maxConnections, int errorRecoveryLevel,
                         int defaultTime2Wait, int defaultTime2Retain, int maxOutstandingR2T) {
    /** The bytes a command of {@code transferLength} may send without an R2T: immediate plus unsolicited. */
    public int unsolicitedLimit(int transferLength) {
        if (initialR2T && !immediateData) {
            return 0;
        }
        int limit = initialR2T ? Math.min(firstBurstLength, targetMaxRecvDataSegmentLength) : firstBurstLength;
        return Math.min(limit, transferLength);
    }

    /** The bytes that ride in the SCSI Command PDU itself. */
    public int immediateLimit(int transferLength) {
        return immediateData ? Math.min(Math.min(firstBurstLength, targetMaxRecvDataSegmentLength), transferLength) : 0;
    }

    /**
     * This session's parameters on another of its connections, whose own login settled {@code connection}'s
     * per-connection keys (digests and the data segment lengths); the session-wide ones stay this session's.
     */
    public Negotiated withConnectionKeysOf(Negotiated connection) {
        return new Negotiated(connection.headerDigest, connection.dataDigest, connection.maxRecvDataSegmentLength,
                connection.targetMaxRecvDataSegmentLength, maxBurstLength, firstBurstLength, initialR2T, immediateData,
                maxConnections, errorRecoveryLevel, defaultTime2Wait, defaultTime2Retain, maxOutstandingR2T);
    }
}
