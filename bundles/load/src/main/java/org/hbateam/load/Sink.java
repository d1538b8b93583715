package org.hbateam.load;

import java.util.function.BiConsumer;

import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.team.Team;

/**
 * Where a {@link QueueDepthLoop} sends its commands: a team, or anything else that completes a command once (a
 * harness sends straight to one path; no adapter for that here, since implementing the path SPI's
 * {@code CommandCallback}, a provider type, would tie every bundle that embeds this package to one API minor).
 */
@FunctionalInterface
public interface Sink {
    /** Sends {@code command}; {@code done} gets the result or the failure, exactly once. */
    void submit(ScsiCommand command, BiConsumer<ScsiResult, Throwable> done);

    static Sink of(Team team) {
        return (command, done) -> team.submit(command).whenComplete(done);
    }
}
