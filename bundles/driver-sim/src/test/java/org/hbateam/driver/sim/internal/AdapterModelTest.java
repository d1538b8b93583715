package org.hbateam.driver.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.hbateam.api.path.PathException.Reason;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.driver.sim.Fault;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.driver.sim.internal.config.LunSettings;
import org.hbateam.driver.sim.internal.config.TestConfigs;
import org.hbateam.driver.sim.internal.model.SimAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The link model, checked by counts and order, never by the clock. */
class AdapterModelTest {
    private final SimFixture sim = new SimFixture();
    private final Recorder recorder = new Recorder();

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void noMoreThanQueueDepthCommandsAreInService() {
        sim.adapter("a", TestConfigs.adapter("hba0", 200, 10_000_000, 3));
        sim.lun("l", TestConfigs.lun("hba0"));
        List<ScsiCommand> commands = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            commands.add(ScsiCommand.noData(Cdb.testUnitReady()));
            sim.path("hba0").submit(commands.get(i), recorder);
        }
        SimAdapter adapter = sim.adapters.get("a").adapter();

        assertEquals(3, adapter.inService(), "queue depth 3: three in service");
        assertEquals(7, adapter.waiting(), "the other seven wait");
        assertEquals(0, recorder.total(), "none answered within a 10 s latency");
        sim.removeAdapter("a");
        for (ScsiCommand command : commands) {
            assertEquals(Reason.PATH_REMOVED, recorder.failure(command), "removing the adapter fails every command");
        }
        assertEquals(10, recorder.total(), "and each exactly once");
    }

    @Test
    void commandsCompleteInArrivalOrder() throws InterruptedException {
        sim.adapter("a", TestConfigs.adapter("hba0", 1000, 50, 4));
        sim.lun("l", TestConfigs.lun("hba0").withSizeMB(2));
        List<ScsiCommand> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ScsiCommand command = ScsiCommand.write(Cdb.write10(i * 8L, 8), ByteBuffer.allocate(4096));
            sent.add(command);
            sim.path("hba0").submit(command, recorder);
        }
        recorder.await(200);

        assertEquals(sent, recorder.order(), "one link, same latency: answers come in the order commands came");
    }

    @Test
    void theLinkIsSharedSoABigTransferDelaysASmallOneBehindIt() throws InterruptedException {
        sim.adapter("a", TestConfigs.adapter("hba0", 100, 10, 32));
        sim.lun("l", TestConfigs.lun("hba0").withSizeMB(2));
        ScsiCommand big = ScsiCommand.write(Cdb.write10(0, 2048), ByteBuffer.allocate(1 << 20));
        ScsiCommand small = ScsiCommand.noData(Cdb.testUnitReady());

        sim.path("hba0").submit(big, recorder);
        sim.path("hba0").submit(small, recorder);
        recorder.await(2);

        assertEquals(List.of(big, small), recorder.order(),
                "1 MB at 100 MB/s holds the link 10 ms; the small command, though both are in service, waits for it");
    }

    @Test
    void cutCommandsGiveTheirSlotsBackAtOnce() {
        sim.adapter("a", TestConfigs.adapter("hba0", 200, 10_000_000, 2));
        sim.lun("l0", TestConfigs.lun("hba0"));
        sim.lun("l1", TestConfigs.lun("hba0").withLun(1));
        for (int i = 0; i < 2; i++) {
            sim.path("hba0").submit(ScsiCommand.noData(Cdb.testUnitReady()), recorder);
        }
        ScsiCommand other = ScsiCommand.noData(Cdb.testUnitReady());
        sim.path("hba0", LunSettings.DEFAULT_TARGET, 1).submit(other, recorder);
        SimAdapter adapter = sim.adapters.get("a").adapter();
        assertEquals(1, adapter.waiting(), "LUN 1's command waits behind LUN 0's two");

        sim.faults.inject(Fault.cut(Fault.Scope.PATH, sim.path("hba0").id()));

        assertEquals(0, adapter.waiting(), "the cut freed both slots");
        assertEquals(1, adapter.inService(), "LUN 1's command is in service now");
    }

    @Test
    void removingTheAdapterStopsItsSchedulerThread() throws InterruptedException {
        sim.adapter("a", TestConfigs.adapter("hba7"));
        sim.lun("l", TestConfigs.lun("hba7"));
        sim.path("hba7").submit(ScsiCommand.noData(Cdb.testUnitReady()), recorder);
        recorder.await(1);
        Thread scheduler = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("hbateam-sim-adapter-hba7")).findFirst()
                .orElseThrow(() -> new AssertionError("the adapter's thread is named after it"));

        sim.removeAdapter("a");
        scheduler.join(5000);

        assertEquals(false, scheduler.isAlive(), "the scheduler thread ends with its adapter");
        assertEquals(true, scheduler.isDaemon(), "and it never kept the JVM alive");
    }

    @Test
    void queueDepthOneServicesOneAtATime() throws InterruptedException {
        sim.adapter("a", TestConfigs.adapter("hba0", 200, 10_000_000, 1));
        sim.lun("l", TestConfigs.lun("hba0"));
        for (int i = 0; i < 4; i++) {
            sim.path("hba0").submit(ScsiCommand.noData(Cdb.testUnitReady()), recorder);
        }
        SimAdapter adapter = sim.adapters.get("a").adapter();

        assertEquals(1, adapter.inService(), "depth 1: one in service");
        sim.adapters.get("a").modified(TestConfigs.adapter("hba0", 200, 10_000_000, 3));
        assertEquals(3, adapter.inService(), "raising the depth starts waiting commands at once");
        assertEquals(1, adapter.waiting(), "one still waits");
    }
}
