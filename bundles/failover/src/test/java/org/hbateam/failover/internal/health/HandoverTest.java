package org.hbateam.failover.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hbateam.api.path.CommandCallback;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.failover.internal.config.Failback;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.failover.internal.team.FakePath;
import org.hbateam.failover.internal.team.Fixture;
import org.hbateam.failover.internal.team.TeamImpl;
import org.junit.jupiter.api.Test;

/**
 * A path that leaves while its driver's submit is still running: the command must not be aborted and retried
 * elsewhere until that submit has returned, or the driver could send it after its retry had completed.
 */
class HandoverTest {
    private final Fixture f = new Fixture(FailoverSettings.defaults().withFailback(Failback.IMMEDIATE, 0));
    private final List<String> journal = new CopyOnWriteArrayList<>();

    /** A driver whose path is unbound while it is inside submit, as a concurrent driver stop would do. */
    private final class LeavingPath extends FakePath {
        LeavingPath() {
            super("p1", "hba0", "lu");
        }

        @Override
        public void submit(ScsiCommand command, CommandCallback callback) {
            super.submit(command, callback);
            f.registry.removePath(this);
            journal.add("p1 sent");
        }
    }

    @Test
    void aPathThatLeavesDuringSubmitIsFencedOnlyAfterTheSubmitReturned() {
        FakePath p1 = f.add(new LeavingPath());
        FakePath p2 = f.add(new FakePath("p2", "hba1", "lu"));
        p1.journal = journal;
        p2.journal = journal;
        p1.mode = FakePath.Mode.HOLD;
        f.registry.defaultBalancer(Fixture.tinyStatic());
        TeamImpl team = f.team("lu");
        team.health.holdOut(team.entry(p2), "so that p1 carries the command", 0L);
        CompletableFuture<ScsiResult> result = team.submit(Fixture.write(4096)).toCompletableFuture();
        team.health.reinstate(team.entry(p2), "back for the retry");
        f.registry.sweep();
        assertEquals(ScsiResult.GOOD, result.getNow(null), "retried on p2");
        assertEquals(List.of("p1 submit", "p1 sent", "p1 abort", "p2 submit"), journal,
                "the abort and the retry come after the driver's submit returned");
    }
}
