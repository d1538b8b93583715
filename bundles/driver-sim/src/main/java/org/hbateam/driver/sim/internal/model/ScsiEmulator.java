package org.hbateam.driver.sim.internal.model;

import java.util.List;
import java.util.function.Supplier;
import org.hbateam.api.scsi.Capacity;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.DeviceIdentification;
import org.hbateam.api.scsi.Direction;
import org.hbateam.api.scsi.ReportLuns;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.scsi.SenseKey;
import org.hbateam.api.scsi.StandardInquiry;
import org.hbateam.driver.sim.internal.config.LunSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device server of a simulated LUN: answers the SCSI commands a path carries (SPC-4, SBC-4).
 * READ and WRITE allocate nothing on success. Errors are CHECK CONDITION with fixed-format sense.
 *
 * <p>Transfer lengths: data-in commands send at most the allocation length, cut to the buffer; the residual
 * is the expected length minus what the target meant to send (negative on overflow). A WRITE whose buffer is
 * shorter than its blocks is refused with INVALID FIELD IN CDB rather than writing undefined bytes.
 */
final class ScsiEmulator {
    static final String VENDOR = "HBATEAM";
    static final String PRODUCT = "SIMLUN";
    static final String REVISION = "0100";

    private static final int ASC_INVALID_OPCODE = 0x20;
    private static final int ASC_LBA_OUT_OF_RANGE = 0x21;
    private static final int ASC_INVALID_FIELD_IN_CDB = 0x24;
    private static final int ASC_INTERNAL_TARGET_FAILURE = 0x44;
    private static final int VPD_SUPPORTED_PAGES = 0x00;
    private static final Logger LOG = LoggerFactory.getLogger(ScsiEmulator.class);

    private final SimLun lun;
    private final Supplier<List<Long>> reportedLuns;

    ScsiEmulator(SimLun lun, Supplier<List<Long>> reportedLuns) {
        this.lun = lun;
        this.reportedLuns = reportedLuns;
    }

    /** Runs a command against the LUN; never throws, a failure inside is INTERNAL TARGET FAILURE. */
    ScsiResult execute(ScsiCommand command) {
        try {
            return dispatch(command);
        } catch (RuntimeException e) {
            LOG.warn("Simulated LUN {} failed on {}", lun.settings().luIdentity(), command, e);
            return ScsiResult.checkCondition(SenseKey.HARDWARE_ERROR, ASC_INTERNAL_TARGET_FAILURE, 0);
        }
    }

    private ScsiResult dispatch(ScsiCommand command) {
        switch (command.opcode()) {
            case Cdb.READ_10:
            case Cdb.READ_16:
                return read(command);
            case Cdb.WRITE_10:
            case Cdb.WRITE_16:
                return write(command);
            case Cdb.TEST_UNIT_READY:
                return ScsiResult.GOOD;
            case Cdb.INQUIRY:
                return inquiry(command);
            case Cdb.SERVICE_ACTION_IN_16:
                return serviceActionIn(command);
            case Cdb.REPORT_LUNS:
                return dataIn(command, ReportLuns.encode(reportedLuns.get()), Cdb.allocationLength(command));
            default:
                return ScsiResult.checkCondition(SenseKey.ILLEGAL_REQUEST, ASC_INVALID_OPCODE, 0);
        }
    }

    private ScsiResult read(ScsiCommand command) {
        ScsiResult refused = checkReadWrite(command, Direction.READ);
        if (refused != null) {
            return refused;
        }
        long bytes = Cdb.blocks(command) * LunSettings.BLOCK_SIZE;
        int moved = (int) Math.min(bytes, command.transferLength());
        lun.storage().read(Cdb.lba(command) * LunSettings.BLOCK_SIZE, command.data(), command.dataOffset(), moved);
        return ScsiResult.good(residual(command.transferLength(), bytes));
    }

    private ScsiResult write(ScsiCommand command) {
        ScsiResult refused = checkReadWrite(command, Direction.WRITE);
        if (refused != null) {
            return refused;
        }
        long bytes = Cdb.blocks(command) * LunSettings.BLOCK_SIZE;
        if (bytes > command.transferLength()) {
            return invalidFieldInCdb();
        }
        long offset = Cdb.lba(command) * LunSettings.BLOCK_SIZE;
        lun.storage().write(offset, command.data(), command.dataOffset(), (int) bytes);
        return ScsiResult.good(residual(command.transferLength(), bytes));
    }

    /** Expected minus meant, held in an int: an overflow beyond 2 GiB reports as Integer.MIN_VALUE. */
    private static int residual(int expected, long meant) {
        return (int) Math.max(Integer.MIN_VALUE, expected - meant);
    }

    /** Null when the command may go ahead, else the CHECK CONDITION to answer. */
    private ScsiResult checkReadWrite(ScsiCommand command, Direction expected) {
        long lba = Cdb.lba(command);
        long blocks = Cdb.blocks(command);
        long capacity = lun.settings().blocks();
        // An LBA is out of range when it, or the last block asked for, lies beyond the medium (SBC-4 4.5).
        if (lba < 0 || lba >= capacity || blocks > capacity - lba) {
            return ScsiResult.checkCondition(SenseKey.ILLEGAL_REQUEST, ASC_LBA_OUT_OF_RANGE, 0);
        }
        boolean directionFits = command.direction() == expected
                || (command.direction() == Direction.NONE && blocks == 0);
        return directionFits ? null : invalidFieldInCdb();
    }

    private ScsiResult inquiry(ScsiCommand command) {
        boolean evpd = (command.cdbByte(1) & 0x01) != 0;
        int page = command.cdbByte(2);
        int allocation = Cdb.allocationLength(command);
        if (!evpd) {
            return page != 0 ? invalidFieldInCdb()
                    : dataIn(command, new StandardInquiry(0, VENDOR, PRODUCT, REVISION).encode(), allocation);
        }
        switch (page) {
            case VPD_SUPPORTED_PAGES:
                return dataIn(command, new byte[] {0, VPD_SUPPORTED_PAGES, 0, 3,
                        VPD_SUPPORTED_PAGES, (byte) Cdb.VPD_SERIAL, (byte) Cdb.VPD_DEVICE_ID}, allocation);
            case Cdb.VPD_SERIAL:
                return dataIn(command, DeviceIdentification.encodeSerialPage(lun.settings().serial()), allocation);
            case Cdb.VPD_DEVICE_ID:
                return dataIn(command, DeviceIdentification.encodeNaaPage(lun.settings().naaBytes()), allocation);
            default:
                return invalidFieldInCdb();
        }
    }

    private ScsiResult serviceActionIn(ScsiCommand command) {
        if ((command.cdbByte(1) & 0x1F) != Cdb.READ_CAPACITY_16_SA) {
            return invalidFieldInCdb();
        }
        Capacity capacity = new Capacity(lun.settings().blocks() - 1, LunSettings.BLOCK_SIZE);
        return dataIn(command, capacity.encode(), Cdb.allocationLength(command));
    }

    /** Sends {@code data}, cut to the allocation length and to the buffer; the residual says what was cut. */
    private static ScsiResult dataIn(ScsiCommand command, byte[] data, int allocationLength) {
        if (command.direction() == Direction.WRITE) {
            return invalidFieldInCdb();
        }
        int meant = Math.min(data.length, allocationLength);
        int moved = Math.min(meant, command.transferLength());
        if (moved > 0) {
            command.data().put(command.dataOffset(), data, 0, moved);
        }
        return ScsiResult.good(command.transferLength() - meant);
    }

    private static ScsiResult invalidFieldInCdb() {
        return ScsiResult.checkCondition(SenseKey.ILLEGAL_REQUEST, ASC_INVALID_FIELD_IN_CDB, 0);
    }
}
