package org.hbateam.failover.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;

import org.hbateam.api.path.PathException;
import org.hbateam.api.path.PathState;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.team.TeamException;
import org.hbateam.failover.internal.config.Failback;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.failover.internal.events.TeamEvents;
import org.hbateam.failover.internal.team.FakePath;
import org.hbateam.failover.internal.team.Fixture;
import org.hbateam.failover.internal.team.TeamImpl;
import org.junit.jupiter.api.Test;

/** One command that a path cannot carry fails alone: no path fails, nothing is retried, others go on. */
class RefusedTest {
    private final Fixture f = new Fixture();
    private final FakePath p1 = f.add(new FakePath("p1", "hba0", "lu"));
    private final FakePath p2 = f.add(new FakePath("p2", "hba1", "lu"));
    private final TeamImpl team = f.team("lu");

    @Test
    void aRefusedCommandFailsAloneAndThePathStaysUp() {
        p1.mode = FakePath.Mode.HOLD;
        p1.refuses = command -> command.cdbLength() > 16;
        p2.refuses = p1.refuses;
        CompletableFuture<ScsiResult> before = team.submit(Fixture.write(4096)).toCompletableFuture();
        CompletableFuture<ScsiResult> refused = team.submit(ScsiCommand.noData(new byte[32])).toCompletableFuture();

        assertTrue(refused.isCompletedExceptionally(), "the 32-byte CDB failed at once");
        Throwable[] error = new Throwable[1];
        refused.whenComplete((r, e) -> error[0] = e);
        assertTrue(error[0] instanceof TeamException, "as a TeamException: " + error[0]);
        assertTrue(error[0].getCause() instanceof PathException
                && ((PathException) error[0].getCause()).reason() == PathException.Reason.REFUSED,
                "with the driver's refusal as its cause: " + error[0].getCause());
        assertTrue(error[0].getMessage().contains("longer than"), "and its message: " + error[0].getMessage());

        assertEquals(2, p1.submitted.get() + p2.submitted.get(), "two submits in all: the refused one was not retried");
        assertEquals(0, p1.aborted.get() + p2.aborted.get(), "nothing to fence: it never ran");
        assertEquals(PathState.UP, team.paths().get(0).state(), "p1 stays UP");
        assertEquals(PathState.UP, team.paths().get(1).state(), "p2 stays UP");
        assertEquals(0, f.count(TeamEvents.PATH_DOWN), "no path went down");
        assertFalse(before.isDone(), "the command in flight before it is untouched");
        assertEquals(1, p1.completeHeld(ScsiResult.GOOD) + p2.completeHeld(ScsiResult.GOOD), "and completes normally");
        assertEquals(ScsiResult.GOOD, before.getNow(null), "with its own answer");
        assertEquals(0, team.pathSet().entry(0).counters.inFlightCommands() + team.pathSet().entry(1).counters.inFlightCommands(),
                "no attempt is left counted in flight");
    }

    @Test
    void refusalsDoNotCountAgainstHealth() throws Exception {
        Fixture own = new Fixture(FailoverSettings.defaults().withFailback(Failback.IMMEDIATE, 0).withFlaky(1, 60_000, 60_000));
        FakePath only = own.add(new FakePath("only", "hba0", "lu"));
        only.refuses = command -> command.cdbLength() > 16;
        TeamImpl t = own.team("lu");
        for (int i = 0; i < 5; i++) {
            t.submit(ScsiCommand.noData(new byte[32]));
        }
        assertEquals(0, own.count(TeamEvents.FLAKY), "five refusals make no path flaky");
        assertEquals(ScsiResult.GOOD, t.execute(Fixture.read(512)), "and the path still carries I/O");
    }
}
