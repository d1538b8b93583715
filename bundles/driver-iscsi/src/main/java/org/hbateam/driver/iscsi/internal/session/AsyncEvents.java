package org.hbateam.driver.iscsi.internal.session;

/** Acts on Async Messages (RFC 7143 11.9). */
interface AsyncEvents {
    /** A SCSI asynchronous event; the sense data was read and dropped. */
    int SCSI_EVENT = 0;
    /** The target asks for a logout within Parameter3 seconds. */
    int LOGOUT_REQUESTED = 1;
    /** The target will drop this connection. */
    int CONNECTION_DROP = 2;
    /** The target will drop every connection of the session. */
    int SESSION_DROP = 3;
    /** The target asks for a new parameter negotiation. */
    int NEGOTIATION_REQUESTED = 4;

    void received(Session session, int event, int parameter1, int parameter2, int parameter3);
}
