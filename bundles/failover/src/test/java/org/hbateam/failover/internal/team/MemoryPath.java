package org.hbateam.failover.internal.team;

import java.nio.ByteBuffer;

import org.hbateam.api.path.CommandCallback;
import org.hbateam.api.scsi.Capacity;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.scsi.SenseKey;

/** A fake path to a small in-memory LUN shared between paths: READ CAPACITY(16), READ(16), WRITE(16). */
public final class MemoryPath extends FakePath {
    static final int BLOCK = 512;

    private final byte[] disk;
    public int largestTransfer;
    /** When set, READ/WRITE commands get this answer instead of touching the disk. */
    public volatile ScsiResult answerOverride;

    public MemoryPath(String id, String adapter, byte[] disk) {
        super(id, adapter, "mem");
        this.disk = disk;
    }

    @Override
    public void submit(ScsiCommand command, CommandCallback callback) {
        submitted.incrementAndGet();
        if (mode != Mode.ANSWER) {
            super.submit(command, callback);
            submitted.decrementAndGet();
            return;
        }
        largestTransfer = Math.max(largestTransfer, command.transferLength());
        if (answerOverride != null && Cdb.isReadWrite(command.opcode())) {
            callback.completed(command, answerOverride);
            return;
        }
        ByteBuffer view = command.dataView();
        switch (command.opcode()) {
            case Cdb.SERVICE_ACTION_IN_16 -> view.put(new Capacity(disk.length / BLOCK - 1, BLOCK).encode(), 0,
                    Math.min(view.remaining(), Capacity.LENGTH));
            case Cdb.READ_16 -> view.put(disk, (int) (Cdb.lba(command) * BLOCK), command.transferLength());
            case Cdb.WRITE_16 -> view.get(disk, (int) (Cdb.lba(command) * BLOCK), command.transferLength());
            default -> {
                callback.completed(command, ScsiResult.checkCondition(SenseKey.ILLEGAL_REQUEST, 0x20, 0));
                return;
            }
        }
        callback.completed(command, ScsiResult.GOOD);
    }
}
