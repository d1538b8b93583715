package org.hbateam.itests.felix;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.hbateam.api.path.CommandCallback;
import org.hbateam.api.path.DataPath;
import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.test.workload.BlockModel;

/** Reads straight through one data path, bypassing the team, to prove where the data really is. */
final class DirectPathIo implements BlockModel.Reader {
    private final DataPath path;
    private final int blockSize;

    DirectPathIo(DataPath path, int blockSize) {
        this.path = path;
        this.blockSize = blockSize;
    }

    @Override
    public void read(long offset, ByteBuffer dst) throws Exception {
        int blocks = dst.remaining() / blockSize;
        ScsiCommand command = ScsiCommand.read(Cdb.read16(offset / blockSize, blocks), dst);
        ScsiResult result = execute(command);
        if (!result.isGood()) {
            throw new IllegalStateException("read through " + path.id() + " answered " + result);
        }
        dst.position(dst.limit());
    }

    ScsiResult execute(ScsiCommand command) throws Exception {
        CompletableFuture<ScsiResult> outcome = new CompletableFuture<>();
        path.submit(command, new CommandCallback() {
            @Override
            public void completed(ScsiCommand c, ScsiResult result) {
                outcome.complete(result);
            }

            @Override
            public void failed(ScsiCommand c, PathException error) {
                outcome.completeExceptionally(error);
            }
        });
        return outcome.get(30, TimeUnit.SECONDS);
    }
}
