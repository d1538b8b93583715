package org.hbateam.failover.internal;

import java.nio.ByteBuffer;

import org.hbateam.api.scsi.Capacity;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.Direction;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.team.ScsiErrorException;
import org.hbateam.api.team.Team;
import org.hbateam.api.team.TeamException;

/**
 * Byte-level read and write on top of a team's commands: READ(16)/WRITE(16) at block-aligned offsets,
 * split into commands of at most {@link #MAX_TRANSFER_BYTES}, and READ CAPACITY(16), cached after the
 * first success (a LUN's geometry does not change under a running team; a resize needs a new team).
 */
final class ByteIo {
    /** The largest transfer sent as one command: 1 MiB, what common targets accept without splitting. */
    static final int MAX_TRANSFER_BYTES = 1 << 20;

    private final Team team;
    private volatile Capacity capacity;

    ByteIo(Team team) {
        this.team = team;
    }

    Capacity capacity() throws TeamException, InterruptedException {
        Capacity known = capacity;
        if (known != null) {
            return known;
        }
        ByteBuffer data = ByteBuffer.allocate(Capacity.LENGTH);
        ScsiResult result = team.execute(ScsiCommand.read(Cdb.readCapacity16(Capacity.LENGTH), data));
        if (!result.isGood()) {
            throw new ScsiErrorException(team.name(), result);
        }
        known = Capacity.parse(data);
        capacity = known;
        return known;
    }

    /** Moves {@code buffer.remaining()} bytes at {@code offset}; the buffer's position advances past them. */
    void transfer(long offset, ByteBuffer buffer, Direction direction) throws TeamException, InterruptedException {
        Capacity geometry = capacity();
        int blockSize = geometry.blockSize();
        int length = buffer.remaining();
        if (offset < 0 || offset % blockSize != 0 || length % blockSize != 0) {
            throw new IllegalArgumentException("offset " + offset + " and length " + length
                    + " must be non-negative multiples of the block size " + blockSize);
        }
        if (offset + length > geometry.bytes()) {
            throw new IllegalArgumentException("offset " + offset + " + length " + length + " is beyond the capacity "
                    + geometry.bytes() + " of team " + team.name());
        }
        int maxChunk = Math.max(blockSize, MAX_TRANSFER_BYTES / blockSize * blockSize);
        int done = 0;
        while (done < length) {
            int chunk = Math.min(maxChunk, length - done);
            ByteBuffer slice = buffer.duplicate();
            slice.position(buffer.position() + done).limit(buffer.position() + done + chunk);
            long lba = (offset + done) / blockSize;
            int blocks = chunk / blockSize;
            ScsiCommand command = direction == Direction.READ
                    ? ScsiCommand.read(Cdb.read16(lba, blocks), slice)
                    : ScsiCommand.write(Cdb.write16(lba, blocks), slice);
            ScsiResult result = team.execute(command);
            if (!result.isGood()) {
                throw new ScsiErrorException(team.name(), result);
            }
            done += chunk;
        }
        buffer.position(buffer.position() + length);
    }
}
