package org.hbateam.failover.internal.health;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.hbateam.api.path.DataPath;
import org.hbateam.api.path.PathState;
import org.hbateam.api.path.PathStateListener;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.failover.internal.command.CommandFlow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls into a driver that are bookkeeping, not I/O: a driver that throws from them changes nothing for
 * the team. (A throw from {@code submit} or {@code probe} is different: it fails the attempt as a path
 * error, see {@link CommandFlow} and {@link PathProber}.)
 */
public final class DriverCalls {
    private static final Logger LOG = LoggerFactory.getLogger(DriverCalls.class);

    private DriverCalls() {
    }

    /** The state the driver reports for the path; DOWN when it reports none or throws. */
    public static PathState state(DataPath path) {
        try {
            PathState state = path.state();
            return state == null ? PathState.DOWN : state;
        } catch (RuntimeException e) {
            return PathState.DOWN;
        }
    }

    public static void removeListener(DataPath path, PathStateListener listener) {
        try {
            path.removeStateListener(listener);
        } catch (RuntimeException e) {
            LOG.debug("path {}: removeStateListener threw", path, e);
        }
    }

    /**
     * Tells the driver to drop a command and returns its fence (see {@code DataPath.abort}); a driver that throws
     * or returns null gives a fence that failed, so the command is never replayed on its word.
     */
    public static CompletionStage<Void> abort(PathEntry entry, ScsiCommand command) {
        try {
            CompletionStage<Void> fence = entry.path.abort(command);
            return fence != null ? fence : CompletableFuture.failedFuture(new IllegalStateException("abort returned no fence"));
        } catch (RuntimeException e) {
            LOG.debug("path {}: abort threw", entry, e);
            return CompletableFuture.failedFuture(e);
        }
    }
}
