package org.hbateam.failover.internal.command;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

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
 * split into commands of at most {@link #MAX_TRANSFER_BYTES}, up to {@link #MAX_OUTSTANDING} of them in
 * flight at once so a large transfer spreads over all the team's paths; and READ CAPACITY(16), cached after
 * the first success (a LUN's geometry does not change under a running team; a resize needs a new team).
 * When a chunk fails, the call still waits for the chunks already sent, so nothing writes into the
 * caller's buffer after the call has returned.
 */
public final class ByteIo {
    /** The largest transfer sent as one command: 1 MiB, what common targets accept without splitting. */
    static final int MAX_TRANSFER_BYTES = 1 << 20;
    /** Chunks of one call in flight at once. */
    static final int MAX_OUTSTANDING = 32;

    private final Team team;
    private volatile Capacity capacity;

    public ByteIo(Team team) {
        this.team = team;
    }

    public Capacity capacity() throws TeamException, InterruptedException {
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
    public void transfer(long offset, ByteBuffer buffer, Direction direction) throws TeamException, InterruptedException {
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
        ArrayDeque<CompletableFuture<ScsiResult>> inFlight = new ArrayDeque<>();
        TeamException firstError = null;
        try {
            for (int done = 0; done < length; done += maxChunk) {
                if (inFlight.size() == MAX_OUTSTANDING && (firstError = await(inFlight.poll(), null)) != null) {
                    break;
                }
                int chunk = Math.min(maxChunk, length - done);
                inFlight.add(team.submit(chunkCommand(buffer, done, chunk, (offset + done) / blockSize, blockSize, direction))
                        .toCompletableFuture());
            }
            while (!inFlight.isEmpty()) {
                firstError = await(inFlight.poll(), firstError);
            }
        } catch (InterruptedException e) {
            // The chunks already sent still use the caller's buffer: let them finish before giving it back.
            inFlight.forEach(chunk -> chunk.handle((r, x) -> null).join());
            throw e;
        }
        if (firstError != null) {
            throw firstError;
        }
        buffer.position(buffer.position() + length);
    }

    private static ScsiCommand chunkCommand(ByteBuffer buffer, int done, int chunk, long lba, int blockSize, Direction direction) {
        ByteBuffer slice = buffer.duplicate();
        slice.position(buffer.position() + done).limit(buffer.position() + done + chunk);
        int blocks = chunk / blockSize;
        return direction == Direction.READ
                ? ScsiCommand.read(Cdb.read16(lba, blocks), slice)
                : ScsiCommand.write(Cdb.write16(lba, blocks), slice);
    }

    /** Waits for one chunk; returns the first error seen so far (keeping an earlier one). */
    private TeamException await(CompletableFuture<ScsiResult> chunk, TeamException earlier) throws InterruptedException {
        TeamException error;
        try {
            ScsiResult result = chunk.get();
            error = result.isGood() ? null : new ScsiErrorException(team.name(), result);
        } catch (ExecutionException e) {
            error = TeamErrors.asTeamException(team.name(), e.getCause());
        }
        return earlier != null ? earlier : error;
    }
}
