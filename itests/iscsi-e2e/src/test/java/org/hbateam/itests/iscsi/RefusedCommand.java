package org.hbateam.itests.iscsi;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.team.Team;

/** A command no path can carry, and how its failure reads: issue 11's "one command's trouble stays its own". */
final class RefusedCommand {
    private RefusedCommand() {
    }

    /**
     * READ(32) of {@code blocks} blocks at {@code lba}: a valid variable-length CDB (opcode 0x7F, service action 9),
     * 32 bytes, which an iSCSI SCSI Command PDU carries only with an extended-CDB header segment.
     */
    static ScsiCommand read32(long lba, int blocks, int blockSize) {
        ByteBuffer cdb = ByteBuffer.allocate(32);
        cdb.put(0, (byte) 0x7F);
        cdb.put(7, (byte) 0x18); // additional CDB length: 24 bytes after the first 8
        cdb.putShort(8, (short) 0x0009);
        cdb.putLong(12, lba);
        cdb.putInt(28, blocks);
        return ScsiCommand.read(cdb.array(), ByteBuffer.allocate(blocks * blockSize));
    }

    /** Sends {@code command} through {@code team} and returns how it failed; fails the test if it did not. */
    static Throwable failureOf(Team team, ScsiCommand command) throws InterruptedException {
        try {
            ScsiResult result = team.submit(command).toCompletableFuture().get(E2eAdapter.GUARD_SECONDS, TimeUnit.SECONDS);
            return fail("a 32-byte CDB must fail with REFUSED, but the team completed it: " + result);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return fail("the 32-byte CDB got no answer within " + E2eAdapter.GUARD_SECONDS + " s");
        }
    }

    /** Whether a PathException of reason REFUSED, or the word in a message, is in the cause chain. */
    static boolean isRefusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PathException path && path.reason() == PathException.Reason.REFUSED
                    || String.valueOf(cause.getMessage()).contains("REFUSED")) {
                return true;
            }
        }
        return false;
    }

    /** The cause chain on one line. */
    static String describe(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            chain.append(chain.length() == 0 ? "" : " <- ").append(cause);
        }
        return chain.toString();
    }
}
