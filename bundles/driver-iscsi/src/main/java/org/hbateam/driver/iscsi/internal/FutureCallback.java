package org.hbateam.driver.iscsi.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.hbateam.api.path.CommandCallback;
import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;

/**
 * The bridge from the asynchronous core to futures, and the thin synchronous wrapper on top: completes
 * with the target's answer or exceptionally with the {@link PathException}.
 */
public final class FutureCallback extends CompletableFuture<ScsiResult> implements CommandCallback {
    @Override
    public void completed(ScsiCommand command, ScsiResult result) {
        complete(result);
    }

    @Override
    public void failed(ScsiCommand command, PathException error) {
        completeExceptionally(error);
    }

    /** Waits for the outcome. */
    public ScsiResult await(long timeoutMillis) throws PathException, InterruptedException, TimeoutException {
        try {
            return get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw (PathException) e.getCause();
        }
    }
}
