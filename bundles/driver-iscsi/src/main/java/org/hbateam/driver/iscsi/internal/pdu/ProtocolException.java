package org.hbateam.driver.iscsi.internal.pdu;

import java.io.IOException;

/**
 * The target broke the iSCSI protocol: a malformed or unexpected PDU, a digest mismatch, an oversized
 * segment or a stream cut in the middle of a PDU. The connection is unusable afterwards and is dropped.
 */
public class ProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }
}
