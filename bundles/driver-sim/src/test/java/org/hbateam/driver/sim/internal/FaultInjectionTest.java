package org.hbateam.driver.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hbateam.api.path.PathException.Reason;
import org.hbateam.api.path.PathState;
import org.hbateam.api.path.PathStateListener;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.driver.sim.Fault;
import org.hbateam.driver.sim.internal.config.LunSettings;
import org.hbateam.driver.sim.internal.config.TestConfigs;
import org.hbateam.driver.sim.internal.model.SimPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
    private static final String LUN0 = "sim:hba0:" + LunSettings.DEFAULT_TARGET + ":0";
    private static final String LUN1 = "sim:hba0:" + LunSettings.DEFAULT_TARGET + ":1";
    private final SimFixture sim = new SimFixture();
    private final Recorder recorder = new Recorder();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final PathStateListener listener = (path, state, reason) -> events.add(path.id() + " " + state);

    @AfterEach
    void close() {
        sim.close();
    }

    /** hba0 with LUNs 0 and 1, hba1 with LUN 0; latency as given. */
    private void twoAdaptersTwoLuns(int latencyMicros) {
        sim.adapter("a", TestConfigs.adapter("hba0", 200, latencyMicros, 8));
        sim.adapter("b", TestConfigs.adapter("hba1", 200, latencyMicros, 8));
        sim.lun("l0", TestConfigs.lun("hba0", "hba1"));
        sim.lun("l1", TestConfigs.lun("hba0").withLun(1));
    }

    private ScsiCommand submit(SimPath path) {
        ScsiCommand command = ScsiCommand.noData(Cdb.testUnitReady());
        path.submit(command, recorder);
        return command;
    }

    @Test
    void cutFailsHeldAndNewCommandsAtOnceAndReportsDownOnce() throws InterruptedException {
        twoAdaptersTwoLuns(10_000_000);
        SimPath path = sim.path("hba0");
        path.addStateListener(listener);
        path.addStateListener(listener);
        ScsiCommand inFlight = submit(path);

        sim.faults.inject(Fault.cut(Fault.Scope.PATH, LUN0));
        sim.faults.inject(Fault.cut(Fault.Scope.PATH, LUN0));
        ScsiCommand afterCut = submit(path);

        assertEquals(Reason.PATH_DOWN, recorder.failure(inFlight), "the in-flight command fails with PATH_DOWN");
        assertEquals(Reason.PATH_DOWN, recorder.failure(afterCut), "a new command fails before submit returns");
        assertEquals(PathState.DOWN, path.state(), "a cut path is DOWN");
        assertEquals(PathState.UP, sim.path("hba1").state(), "the other adapter's path is untouched");
        sim.faults.restore(Fault.Scope.PATH, LUN0);
        assertEquals(List.of(LUN0 + " DOWN", LUN0 + " UP"), events, "one event per change, one listener once");
        assertEquals(List.of(), sim.faults.faults(), "no fault left");
    }

    @Test
    void cuttingAnAdapterTakesDownAllItsPathsAndRestoreBringsThemBack() throws InterruptedException {
        twoAdaptersTwoLuns(10);
        sim.path("hba0", LunSettings.DEFAULT_TARGET, 1).addStateListener(listener);

        sim.faults.inject(Fault.cut(Fault.Scope.ADAPTER, "hba0"));
        assertEquals(PathState.DOWN, sim.path("hba0").state(), "LUN 0 over hba0 is down");
        assertEquals(PathState.DOWN, sim.path("hba0", LunSettings.DEFAULT_TARGET, 1).state(), "LUN 1 over hba0 is down");
        assertEquals(List.of(new Fault(Fault.Scope.ADAPTER, "hba0", Fault.Kind.CUT, 1.0)), sim.faults.faults(),
                "the adapter's fault is listed");
        sim.faults.restore(Fault.Scope.ADAPTER, "hba0");
        ScsiCommand after = submit(sim.path("hba0"));
        recorder.await(1);

        assertEquals(ScsiResult.GOOD, recorder.result(after), "after restore the path works again");
        assertEquals(List.of(LUN1 + " DOWN", LUN1 + " UP"), events, "the adapter's cut and restore reach each path");
    }

    @Test
    void aBlackHoleAnswersNothingUntilAbortOrRestore() throws InterruptedException {
        twoAdaptersTwoLuns(10);
        SimPath hole = sim.path("hba0");
        hole.addStateListener(listener);
        sim.faults.inject(Fault.blackHole(Fault.Scope.PATH, LUN0));
        ScsiCommand first = submit(hole);
        ScsiCommand second = submit(hole);

        // A command on the same adapter, sent after them, comes back: the hole's commands were simply not answered.
        ScsiCommand neighbour = submit(sim.path("hba0", LunSettings.DEFAULT_TARGET, 1));
        recorder.await(1);
        assertEquals(1, recorder.answers(neighbour), "the neighbour path answers");
        assertEquals(0, recorder.answers(first) + recorder.answers(second), "the black hole answers nothing");
        assertEquals(PathState.UP, hole.state(), "a black hole looks UP");

        hole.abort(first);
        assertEquals(Reason.ABORTED, recorder.failure(first), "an aborted command fails ABORTED");
        sim.faults.restore(Fault.Scope.PATH, LUN0);
        assertEquals(Reason.TRANSPORT, recorder.failure(second), "restore resets what the hole held: TRANSPORT");
        assertEquals(1, recorder.answers(second), "exactly once");
        assertEquals(List.of(), events, "a black hole and its restore change no state");
    }

    @Test
    void aBlackHoleSwallowsAnswersAlreadyOnTheirWay() throws InterruptedException {
        twoAdaptersTwoLuns(200_000); // 0.2 s: ample time to open the hole before the answer is due
        ScsiCommand onItsWay = submit(sim.path("hba0"));
        sim.faults.inject(Fault.blackHole(Fault.Scope.PATH, LUN0));
        // Serviced in order on hba0: by the time the neighbour answers, onItsWay's service time is over.
        submit(sim.path("hba0", LunSettings.DEFAULT_TARGET, 1));
        recorder.await(1);

        assertEquals(0, recorder.answers(onItsWay), "the answer fell into the hole");
        sim.removeLun("l0");
        assertEquals(Reason.PATH_REMOVED, recorder.failure(onItsWay), "removal answers the held command");
    }

    @Test
    void aSlowPathAnswersAfterAFasterNeighbourSentLater() throws InterruptedException {
        twoAdaptersTwoLuns(1000);
        sim.faults.inject(Fault.slow(Fault.Scope.PATH, LUN0, 100));
        sim.faults.inject(Fault.slow(Fault.Scope.ADAPTER, "hba0", 2));
        ScsiCommand slow = submit(sim.path("hba0"));
        ScsiCommand fast = submit(sim.path("hba0", LunSettings.DEFAULT_TARGET, 1));
        recorder.await(2);

        assertEquals(List.of(fast, slow), recorder.order(), "200x the latency puts the slowed path's answer last");
        assertEquals(200.0, sim.path("hba0").slowFactor(), "adapter and path factors multiply");
        assertEquals(PathState.UP, sim.path("hba0").state(), "a slow path stays UP");
        assertEquals(List.of(new Fault(Fault.Scope.ADAPTER, "hba0", Fault.Kind.SLOW, 2.0),
                new Fault(Fault.Scope.PATH, LUN0, Fault.Kind.SLOW, 100.0)), sim.faults.faults(),
                "adapters first, then paths");
    }

    @Test
    void racingFaultChangesAreAnnouncedOncePerChangeAndEndInTheTrueState() throws InterruptedException {
        twoAdaptersTwoLuns(10);
        SimPath path = sim.path("hba0");
        path.addStateListener(listener);
        Runnable pathToggler = () -> {
            for (int i = 0; i < 2000; i++) {
                sim.faults.inject(Fault.cut(Fault.Scope.PATH, LUN0));
                sim.faults.restore(Fault.Scope.PATH, LUN0);
            }
        };
        Runnable adapterToggler = () -> {
            for (int i = 0; i < 2000; i++) {
                sim.faults.inject(Fault.cut(Fault.Scope.ADAPTER, "hba0"));
                sim.faults.restore(Fault.Scope.ADAPTER, "hba0");
            }
        };
        Thread first = new Thread(pathToggler);
        Thread second = new Thread(adapterToggler);
        first.start();
        second.start();
        first.join();
        second.join();

        List<String> seen = List.copyOf(events);
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(!seen.get(i).equals(seen.get(i - 1)), "event " + i + " repeats the state before it: " + seen.get(i));
        }
        assertEquals(PathState.UP, path.state(), "both faults were lifted last");
        assertTrue(seen.isEmpty() || seen.get(seen.size() - 1).equals(LUN0 + " UP"),
                "the last announcement must be the true state, UP");
    }

    @Test
    void unknownNamesAndBadFactorsAreRefused() {
        twoAdaptersTwoLuns(10);

        IllegalArgumentException adapter = assertThrows(IllegalArgumentException.class,
                () -> sim.faults.inject(Fault.cut(Fault.Scope.ADAPTER, "hba9")), "an unknown adapter");
        IllegalArgumentException path = assertThrows(IllegalArgumentException.class,
                () -> sim.faults.inject(Fault.blackHole(Fault.Scope.PATH, "sim:hba9:x:0")), "an unknown path");
        assertThrows(IllegalArgumentException.class, () -> sim.faults.inject(Fault.slow(Fault.Scope.ADAPTER, "hba0", 0.5)), "a factor below 1");
        assertThrows(IllegalArgumentException.class, () -> sim.faults.restore(Fault.Scope.PATH, null), "no path id");

        assertTrue(adapter.getMessage().contains("'hba9'"), "the message names the adapter: " + adapter.getMessage());
        assertTrue(path.getMessage().contains("'sim:hba9:x:0'"), "the message names the path: " + path.getMessage());
        assertEquals(List.of("hba0", "hba1"), sim.faults.adapters(), "the adapters that exist");
        assertEquals(3, sim.faults.paths().size(), "LUN 0 twice, LUN 1 once");
    }
}
