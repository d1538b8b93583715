package org.hbateam.driver.sim.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.driver.sim.internal.config.AdapterSettings;
import org.hbateam.driver.sim.internal.config.LunSettings;
import org.hbateam.driver.sim.internal.config.TestConfigs;
import org.hbateam.driver.sim.internal.model.SimAdapter;
import org.hbateam.driver.sim.internal.model.SimLun;
import org.hbateam.driver.sim.internal.model.SimPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Components keep the old state on bad configuration, and paths follow adapters and LUNs as they come and go. */
class ConfigurationLifecycleTest {
    private final SimFixture sim = new SimFixture();

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void aBadFirstAdapterConfigurationRegistersNothing() {
        SimAdapterComponent component = sim.adapter("a", TestConfigs.adapter("hba0", -1, 0, 1));

        assertNull(component.adapter(), "negative bandwidth: no adapter");
        assertEquals(false, sim.registry.hasAdapter("hba0"), "the registry must not know hba0");
    }

    @Test
    void aBadAdapterModificationKeepsTheOldSettings() {
        SimAdapterComponent component = sim.adapter("a", TestConfigs.adapter("hba0", 100, 10, 4));
        SimAdapter adapter = component.adapter();

        component.modified(TestConfigs.adapter("hba0", 100, 10, 0));
        component.modified(TestConfigs.adapter("hba0", 0, 10, 4));

        assertSame(adapter, component.adapter(), "the adapter stays");
        assertEquals(new AdapterSettings("hba0", 100, 10, 4), adapter.settings(), "the old settings stay");
        component.modified(TestConfigs.adapter("hba0", 300, 10, 8));
        assertEquals(new AdapterSettings("hba0", 300, 10, 8), adapter.settings(), "a good change retunes the live adapter");
    }

    @Test
    void aDuplicateAdapterNameIsRejected() {
        sim.adapter("a", TestConfigs.adapter("hba0"));
        SimAdapterComponent second = sim.adapter("b", TestConfigs.adapter("hba0"));

        assertNull(second.adapter(), "the second hba0 must not come up");
    }

    @Test
    void renamingAnAdapterMovesItsPaths() {
        SimAdapterComponent component = sim.adapter("a", TestConfigs.adapter("hba0"));
        sim.adapter("b", TestConfigs.adapter("hba1"));
        sim.lun("l", TestConfigs.lun("hba0", "hba1"));

        component.modified(TestConfigs.adapter("hba1"));
        assertEquals(Set.of("sim:hba0:" + LunSettings.DEFAULT_TARGET + ":0", "sim:hba1:" + LunSettings.DEFAULT_TARGET + ":0"),
                sim.published.keySet(), "renaming onto a taken name is rejected and changes nothing");
        component.modified(TestConfigs.adapter("hba2"));
        assertEquals(Set.of("sim:hba1:" + LunSettings.DEFAULT_TARGET + ":0"), sim.published.keySet(),
                "hba0 renamed to hba2, which the LUN does not list: only the hba1 path is left");
    }

    @Test
    void aLunWithAnUnknownAdapterRegistersNothing() {
        sim.adapter("a", TestConfigs.adapter("hba0"));
        SimLunComponent lun = sim.lun("l", TestConfigs.lun("hba0", "hba9"));

        assertNull(lun.lun(), "an unknown adapter rejects the whole LUN");
        assertEquals(Set.of(), sim.published.keySet(), "no path");
    }

    @Test
    void aLunWaitingForAnAdapterConfiguredLaterComesUpWhenItAppears() {
        sim.adapter("a", TestConfigs.adapter("hba0"));
        SimLunComponent lun = sim.lun("l", TestConfigs.lun("hba0", "hba1"));
        assertNull(lun.lun(), "hba1 is unknown for now: rejected");

        sim.adapter("b", TestConfigs.adapter("hba2"));
        assertNull(lun.lun(), "another adapter does not make hba1 known");
        sim.adapter("c", TestConfigs.adapter("hba1"));

        assertEquals(Set.of("sim:hba0:" + LunSettings.DEFAULT_TARGET + ":0", "sim:hba1:" + LunSettings.DEFAULT_TARGET + ":0"),
                sim.published.keySet(), "once hba1 exists, the remembered configuration applies");
    }

    @Test
    void aLaterGoodConfigurationReplacesOneWaitingForAnAdapter() {
        sim.adapter("a", TestConfigs.adapter("hba0"));
        SimLunComponent lun = sim.lun("l", TestConfigs.lun("hba0"));
        lun.update(TestConfigs.lun("hba0", "hba1"));
        lun.update(TestConfigs.lun("hba0").withSizeMB(0));

        sim.adapter("b", TestConfigs.adapter("hba1"));

        assertEquals(List.of("hba0"), lun.lun().settings().adapters(), "the size-0 change cancelled the waiting one");
        assertEquals(1, sim.published.size(), "so hba1 gets no path");
    }

    @Test
    void aBadLunModificationKeepsTheOldLunAndPaths() {
        sim.adapter("a", TestConfigs.adapter("hba0"));
        SimLunComponent component = sim.lun("l", TestConfigs.lun("hba0"));
        SimLun before = component.lun();
        SimPath path = sim.path("hba0");

        component.update(TestConfigs.lun("hba0", "hba9"));
        component.update(TestConfigs.lun("hba0").withSizeMB(0));
        component.update(TestConfigs.lun("hba0").withLuIdentity("not-an-identity"));

        assertSame(before, component.lun(), "the old LUN stays in force");
        assertSame(path, sim.path("hba0"), "the old path stays published");
    }

    @Test
    void pathsFollowTheLunsAdapterList() {
        sim.adapter("a", TestConfigs.adapter("hba0"));
        sim.adapter("b", TestConfigs.adapter("hba1"));
        SimLunComponent component = sim.lun("l", TestConfigs.lun("hba0"));
        SimPath first = sim.path("hba0");

        component.update(TestConfigs.lun("hba0", "hba1"));
        assertSame(first, sim.path("hba0"), "an unchanged path stays as it is");
        sim.path("hba1");
        component.update(TestConfigs.lun("hba1"));
        assertEquals(Set.of("sim:hba1:" + LunSettings.DEFAULT_TARGET + ":0"), sim.published.keySet(), "hba0 dropped");
    }

    @Test
    void pathsFollowAdaptersComingAndGoingInAnyOrder() {
        sim.adapter("a", TestConfigs.adapter("hba0"));
        // Known to the LUN through configuration admin, not active yet: a legitimate start-up order.
        SimLunComponent lun = new SimLunComponent(TestConfigs.lun("hba0", "hba1"), "l", sim.registry,
                Set.of("hba0", "hba1")::contains);
        lun.activate();
        sim.luns.put("l", lun);
        assertEquals(1, sim.published.size(), "only hba0 is up, so one path");

        sim.adapter("b", TestConfigs.adapter("hba1"));
        assertEquals(2, sim.published.size(), "hba1 arrived: its path appears");
        sim.removeAdapter("a");
        assertEquals(Set.of("sim:hba1:" + LunSettings.DEFAULT_TARGET + ":0"), sim.published.keySet(), "hba0 left");
        sim.removeLun("l");
        assertEquals(Set.of(), sim.published.keySet(), "no LUN, no path");
    }

    @Test
    void aTargetOrLunTakenByAnotherConfigurationIsRejected() {
        sim.adapter("a", TestConfigs.adapter("hba0"));
        sim.lun("l1", TestConfigs.lun("hba0"));
        SimLunComponent second = sim.lun("l2", TestConfigs.lun("hba0"));

        assertNull(second.lun(), "the same target and LUN again would clash in path ids");
    }

    @Test
    void dataSurviveAResizeAndAnIdentityChange() throws InterruptedException {
        sim.adapter("a", TestConfigs.adapter("hba0"));
        SimLunComponent component = sim.lun("l", TestConfigs.lun("hba0"));
        byte[] pattern = new byte[512];
        java.util.Arrays.fill(pattern, (byte) 0x5A);
        Recorder recorder = new Recorder();
        sim.path("hba0").submit(ScsiCommand.write(Cdb.write10(10, 1), ByteBuffer.wrap(pattern)), recorder);
        recorder.await(1);

        component.update(TestConfigs.lun("hba0").withSizeMB(2).withLun(4));
        SimPath moved = sim.path("hba0", LunSettings.DEFAULT_TARGET, 4);
        ByteBuffer back = ByteBuffer.allocate(512);
        moved.submit(ScsiCommand.read(Cdb.read10(10, 1), back), recorder);
        recorder.await(1);

        assertNotSame(null, moved, "the LUN moved to number 4");
        assertEquals(1, sim.published.size(), "the old path is gone");
        assertArrayEquals(pattern, back.array(), "the block written before the change reads back after it");
    }
}
