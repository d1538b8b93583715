package org.hbateam.load;

import java.util.function.BiConsumer;

import org.hbateam.api.path.CommandCallback;
import org.hbateam.api.path.DataPath;
import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.team.Team;

/** Where a {@link QueueDepthLoop} sends its commands: a team, or one path directly. */
@FunctionalInterface
public interface Sink {
    /** Sends {@code command}; {@code done} gets the result or the failure, exactly once. */
    void submit(ScsiCommand command, BiConsumer<ScsiResult, Throwable> done);

    static Sink of(Team team) {
        return (command, done) -> team.submit(command).whenComplete(done);
    }

    static Sink of(DataPath path) {
        return (command, done) -> path.submit(command, new CommandCallback() {
            @Override
            public void completed(ScsiCommand c, ScsiResult result) {
                done.accept(result, null);
            }

            @Override
            public void failed(ScsiCommand c, PathException error) {
                done.accept(null, error);
            }
        });
    }
}
