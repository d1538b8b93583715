package org.hbateam.driver.sim.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.hbateam.api.path.DataPath;
import org.hbateam.api.path.PathException;
import org.hbateam.api.path.PathState;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.ReportLuns;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.driver.sim.internal.config.LunSettings;
import org.hbateam.driver.sim.internal.config.TestConfigs;
import org.hbateam.driver.sim.internal.model.SimPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

class PathBehaviourTest {
    private static final String TARGET = LunSettings.DEFAULT_TARGET;
    private final SimFixture sim = new SimFixture();

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void aPathCarriesItsIdentity() {
        sim.adapter("a", TestConfigs.adapter("hba0"));
        sim.lun("l", TestConfigs.lun("hba0").withLun(7).withLuIdentity("600144f0c0ffee000000000000000001"));
        SimPath path = sim.path("hba0", TARGET, 7);

        assertEquals("sim:hba0:" + TARGET + ":7", path.id(), "path id sim:<adapter>:<target>:<lun>");
        assertEquals("hba0", path.adapterId(), "adapter id");
        assertEquals(TARGET, path.target(), "target");
        assertEquals(7L, path.lun(), "LUN");
        assertEquals("naa.600144f0c0ffee000000000000000001", path.luIdentity(), "LU identity as VPD 0x83 decodes it");
        assertEquals(path.id(), path.sessionId(), "each simulated path is its own session");
        assertEquals(PathState.UP, path.state(), "a new path is up");
    }

    @Test
    void theServiceCarriesEveryDataPathProperty() {
        sim.adapter("a", TestConfigs.adapter("hba0"));
        sim.lun("l", TestConfigs.lun("hba0").withLun(2));
        Map<String, Object> properties = new ConcurrentHashMap<>();
        List<String> unregistered = new ArrayList<>();

        Runnable withdraw = new ServicePathPublisher(fakeContext(properties, unregistered)).publish(sim.path("hba0", TARGET, 2));
        withdraw.run();

        assertEquals(Map.of(DataPath.PATH_ID, "sim:hba0:" + TARGET + ":2", DataPath.ADAPTER_ID, "hba0",
                DataPath.TARGET, TARGET, DataPath.LUN, 2L, DataPath.LU_IDENTITY, sim.path("hba0", TARGET, 2).luIdentity(),
                DataPath.SESSION_ID, "sim:hba0:" + TARGET + ":2"), properties, "all DataPath properties, LUN as Long");
        assertEquals(List.of("unregister"), unregistered, "withdrawing unregisters the service");
    }

    @Test
    void dataWrittenThroughOnePathReadBackThroughAnother() throws InterruptedException {
        sim.adapter("a", TestConfigs.adapter("hba0", 1000, 10, 8));
        sim.adapter("b", TestConfigs.adapter("hba1", 1000, 10, 8));
        sim.lun("l", TestConfigs.lun("hba0", "hba1").withSizeMB(4));
        byte[] pattern = new byte[256 * 1024];
        new Random(42).nextBytes(pattern);
        Recorder recorder = new Recorder();

        for (int chunk = 0; chunk < 8; chunk++) {
            ByteBuffer from = ByteBuffer.wrap(pattern, chunk * 32 * 1024, 32 * 1024);
            sim.path("hba0").submit(ScsiCommand.write(Cdb.write16(1000 + chunk * 64L, 64), from), recorder);
        }
        recorder.await(8);
        ByteBuffer back = ByteBuffer.allocate(pattern.length);
        sim.path("hba1").submit(ScsiCommand.read(Cdb.read10(1000, 512), back), recorder);
        recorder.await(1);

        assertArrayEquals(pattern, back.array(), "every byte written over hba0 must read back over hba1");
        assertEquals(9, recorder.total(), "nine commands, nine answers");
    }

    @Test
    void reportLunsListsTheLunsTheAdapterReaches() throws InterruptedException {
        sim.adapter("a", TestConfigs.adapter("hba0"));
        sim.adapter("b", TestConfigs.adapter("hba1"));
        sim.lun("l0", TestConfigs.lun("hba0", "hba1"));
        sim.lun("l5", TestConfigs.lun("hba0").withLun(5));
        sim.lun("other", TestConfigs.lun("hba0").withTarget("iqn.other:t").withLun(3));
        Recorder recorder = new Recorder();
        ByteBuffer overHba0 = ByteBuffer.allocate(64);
        ByteBuffer overHba1 = ByteBuffer.allocate(64);

        sim.path("hba0").submit(ScsiCommand.read(Cdb.reportLuns(64), overHba0), recorder);
        sim.path("hba1").submit(ScsiCommand.read(Cdb.reportLuns(64), overHba1), recorder);
        recorder.await(2);

        assertEquals(List.of(0L, 5L), ReportLuns.parse(overHba0), "hba0 sees LUNs 0 and 5 of this target");
        assertEquals(List.of(0L), ReportLuns.parse(overHba1), "hba1 sees only LUN 0");
    }

    @Test
    void removingAPathFailsWhatItHoldsOnceWithPathRemoved() throws InterruptedException {
        sim.adapter("a", TestConfigs.adapter("hba0", 200, 10_000_000, 1)); // 10 s latency: nothing finishes
        sim.lun("l", TestConfigs.lun("hba0"));
        SimPath path = sim.path("hba0");
        Recorder recorder = new Recorder();
        List<ScsiCommand> commands = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            commands.add(ScsiCommand.noData(Cdb.testUnitReady()));
            path.submit(commands.get(i), recorder);
        }

        sim.removeLun("l");
        ScsiCommand late = ScsiCommand.noData(Cdb.testUnitReady());
        path.submit(late, recorder);

        for (ScsiCommand command : commands) {
            assertEquals(1, recorder.answers(command), "each held command is answered exactly once");
            assertEquals(PathException.Reason.PATH_REMOVED, recorder.failure(command), "with PATH_REMOVED");
        }
        assertEquals(PathException.Reason.PATH_REMOVED, recorder.failure(late), "a submit after removal fails at once");
        assertEquals(PathState.DOWN, path.state(), "a removed path reports DOWN");
    }

    @Test
    void aGoodCompletionCarriesTheResult() throws InterruptedException {
        sim.adapter("a", TestConfigs.adapter("hba0"));
        sim.lun("l", TestConfigs.lun("hba0"));
        Recorder recorder = new Recorder();
        ScsiCommand command = ScsiCommand.noData(Cdb.testUnitReady());

        sim.path("hba0").probe(recorder);
        sim.path("hba0").submit(command, recorder);
        recorder.await(2);

        assertEquals(ScsiResult.GOOD, recorder.result(command), "TEST UNIT READY completes GOOD");
    }

    /** A BundleContext that records one registration; only registerService is expected to be called. */
    private static BundleContext fakeContext(Map<String, Object> properties, List<String> unregistered) {
        ServiceRegistration<?> registration = (ServiceRegistration<?>) Proxy.newProxyInstance(
                PathBehaviourTest.class.getClassLoader(), new Class<?>[] {ServiceRegistration.class},
                (proxy, method, args) -> {
                    unregistered.add(method.getName());
                    return null;
                });
        return (BundleContext) Proxy.newProxyInstance(PathBehaviourTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("registerService")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Dictionary<?, ?> dictionary = (Dictionary<?, ?>) args[2];
                    for (Object key : java.util.Collections.list(dictionary.keys())) {
                        properties.put((String) key, dictionary.get(key));
                    }
                    return registration;
                });
    }
}
