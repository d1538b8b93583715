package org.hbateam.driver.iscsi.internal;

import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.hbateam.api.path.CommandCallback;
import org.hbateam.api.path.DataPath;
import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;

/** Test helpers: synchronous commands and callbacks that count how often they are called. */
final class Commands {
    private Commands() {
    }

    static ScsiResult write(DataPath path, long lba, byte[] data) throws Exception {
        return run(path, ScsiCommand.write(Cdb.write16(lba, data.length / 512), ByteBuffer.wrap(data)));
    }

    static ScsiResult read(DataPath path, long lba, byte[] into) throws Exception {
        return run(path, ScsiCommand.read(Cdb.read16(lba, into.length / 512), ByteBuffer.wrap(into)));
    }

    static ScsiResult run(DataPath path, ScsiCommand command) throws Exception {
        FutureCallback callback = new FutureCallback();
        path.submit(command, callback);
        return callback.await(TimeUnit.SECONDS.toMillis(Harness.GUARD_SECONDS));
    }

    /** A callback that records its outcome and counts calls, to check "exactly once". */
    static final class Counting extends java.util.concurrent.CompletableFuture<Object> implements CommandCallback {
        final AtomicInteger calls = new AtomicInteger();
        /** The command this callback was given with, when the test needs it back. */
        final ScsiCommand command;

        Counting() {
            this(null);
        }

        Counting(ScsiCommand command) {
            this.command = command;
        }

        @Override
        public void completed(ScsiCommand command, ScsiResult result) {
            calls.incrementAndGet();
            complete(result);
        }

        @Override
        public void failed(ScsiCommand command, PathException error) {
            calls.incrementAndGet();
            complete(error);
        }

        Object outcome() throws InterruptedException, ExecutionException, TimeoutException {
            return get(Harness.GUARD_SECONDS, TimeUnit.SECONDS);
        }
    }
}
