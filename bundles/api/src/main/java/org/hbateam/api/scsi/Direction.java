package org.hbateam.api.scsi;

/** Which way a command moves data. Read and write are balanced separately, as the patent asks ([0025]). */
public enum Direction {
    /** No data phase, for example TEST UNIT READY. */
    NONE,
    /** Data moves from the target into the command's buffer. */
    READ,
    /** Data moves from the command's buffer to the target. */
    WRITE
}
