package org.hbateam.api.team;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;

import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.osgi.annotation.versioning.ProviderType;

/**
 * All data paths to one logical unit, used as one. Commands go to the path the team's balancer chooses;
 * a path error fails that path and the command is retried on another, so the caller sees only the
 * target's answers. When no path is usable, commands wait up to the team's no-path retry time for one
 * to come back, then fail with {@link NoUsablePathException}.
 */
@ProviderType
public interface Team {
    /** The team's name: its configured name, or the logical unit's identity. */
    String name();

    /** The logical unit's identity that groups the paths. */
    String luIdentity();

    /** The balancing policy in force, or {@code failover-only} when no balancer is bound. */
    String policy();

    /** A snapshot of the team's paths, in priority order. */
    List<PathInfo> paths();

    /**
     * Sends a command, asynchronously. The stage completes with the target's answer, which may be an
     * error status; it completes exceptionally only with a {@link TeamException}, when no path could
     * deliver the command. Completes exactly once.
     */
    CompletionStage<ScsiResult> submit(ScsiCommand command);

    /** Sends a command and waits for the outcome of {@link #submit}. */
    ScsiResult execute(ScsiCommand command) throws TeamException, InterruptedException;

    /** The logical block size in bytes, from READ CAPACITY(16), cached after the first call. */
    int blockSize() throws TeamException, InterruptedException;

    /** The capacity in bytes, from READ CAPACITY(16). */
    long capacityBytes() throws TeamException, InterruptedException;

    /**
     * Reads {@code dst.remaining()} bytes from byte offset {@code offset} into {@code dst}, advancing its
     * position. Offset and length must be multiples of {@link #blockSize()}.
     *
     * @throws ScsiErrorException when the target answers with an error status
     * @throws IllegalArgumentException when offset or length is not block aligned or beyond the capacity
     */
    void read(long offset, ByteBuffer dst) throws TeamException, InterruptedException;

    /** Writes {@code src.remaining()} bytes at byte offset {@code offset}, advancing its position. As {@link #read}. */
    void write(long offset, ByteBuffer src) throws TeamException, InterruptedException;
}
