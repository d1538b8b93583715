package org.hbateam.driver.iscsi.internal.pdu;

/** iSCSI operation codes (RFC 7143 11.2.1.2) and the BHS flag bits this initiator uses. */
public final class Opcode {
    // Initiator opcodes.
    public static final int NOP_OUT = 0x00;
    public static final int SCSI_COMMAND = 0x01;
    public static final int TASK_MGMT_REQUEST = 0x02;
    public static final int LOGIN_REQUEST = 0x03;
    public static final int TEXT_REQUEST = 0x04;
    public static final int DATA_OUT = 0x05;
    public static final int LOGOUT_REQUEST = 0x06;
    // Target opcodes.
    public static final int NOP_IN = 0x20;
    public static final int SCSI_RESPONSE = 0x21;
    public static final int TASK_MGMT_RESPONSE = 0x22;
    public static final int LOGIN_RESPONSE = 0x23;
    public static final int TEXT_RESPONSE = 0x24;
    public static final int DATA_IN = 0x25;
    public static final int LOGOUT_RESPONSE = 0x26;
    public static final int R2T = 0x31;
    public static final int ASYNC_MESSAGE = 0x32;
    public static final int REJECT = 0x3f;

    /** Byte 0: the immediate-delivery bit of an initiator PDU. */
    public static final int IMMEDIATE = 0x40;
    /** Byte 1: the final bit. */
    public static final int FINAL = 0x80;
    /** The reserved tag value (RFC 7143 11.2.1.4). */
    public static final int RESERVED_TAG = 0xffffffff;

    private Opcode() {
    }

    /** True for the opcodes a target may send; everything else is a protocol error at the initiator. */
    public static boolean isTargetOpcode(int opcode) {
        switch (opcode) {
            case NOP_IN: case SCSI_RESPONSE: case TASK_MGMT_RESPONSE: case LOGIN_RESPONSE: case TEXT_RESPONSE:
            case DATA_IN: case LOGOUT_RESPONSE: case R2T: case ASYNC_MESSAGE: case REJECT:
                return true;
            default:
                return false;
        }
    }

    /** A readable name for logs and error messages. */
    public static String name(int opcode) {
        switch (opcode) {
            case NOP_OUT: return "NOP-Out";
            case SCSI_COMMAND: return "SCSI Command";
            case TASK_MGMT_REQUEST: return "Task Management Request";
            case LOGIN_REQUEST: return "Login Request";
            case TEXT_REQUEST: return "Text Request";
            case DATA_OUT: return "Data-Out";
            case LOGOUT_REQUEST: return "Logout Request";
            case NOP_IN: return "NOP-In";
            case SCSI_RESPONSE: return "SCSI Response";
            case TASK_MGMT_RESPONSE: return "Task Management Response";
            case LOGIN_RESPONSE: return "Login Response";
            case TEXT_RESPONSE: return "Text Response";
            case DATA_IN: return "Data-In";
            case LOGOUT_RESPONSE: return "Logout Response";
            case R2T: return "R2T";
            case ASYNC_MESSAGE: return "Async Message";
            case REJECT: return "Reject";
            default: return String.format("opcode 0x%02x", opcode);
        }
    }
}
