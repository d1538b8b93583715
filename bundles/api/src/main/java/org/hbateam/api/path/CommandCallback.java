package org.hbateam.api.path;

import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Receives the outcome of a command submitted to a {@link DataPath}. The failover service implements
 * it; drivers call it.
 *
 * <p>For every accepted {@code submit}, a driver calls exactly one of these methods exactly once: never
 * both, never twice, never neither, even when the path goes down or the driver stops. Calls may come on
 * any driver thread and must not block; implementations return quickly.
 */
@ProviderType
public interface CommandCallback {
    /** The target answered; {@code result} carries its status, which may be an error status. */
    void completed(ScsiCommand command, ScsiResult result);

    /** The path could not deliver the command or its answer. The command may or may not have run. */
    void failed(ScsiCommand command, PathException error);
}
