package org.hbateam.testbed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A two-path bed seen through libiscsi: same LU on both portals, and every fault the bed offers. */
@ExtendWith(TestBedExtension.class)
@BedConfig(paths = 2, size = "64M")
class TwoPathBedTest {
    /** Long enough for a healthy login on a loaded machine, short enough to keep dead paths cheap. */
    private static final Duration DEAD_PATH_TIMEOUT = Duration.ofSeconds(3);

    @Test
    void bothPortalsReportTheSameLuIdentityAndCapacity(TestBed bed) {
        IscsiTools tools = bed.tools();
        String identity = tools.deviceIdentification(1, 1);
        assertEquals(identity, tools.deviceIdentification(2, 1), "VPD 0x83 must be the same through both portals");
        assertTrue(identity.contains(bed.scsiId(1)), "the bed's own SCSI id as the T10 designator: " + identity);
        assertEquals(tools.unitSerialNumber(1, 1), tools.unitSerialNumber(2, 1), "VPD 0x80 serial through both portals");
        Capacity capacity = tools.readCapacity16(1, 1);
        assertEquals(capacity, tools.readCapacity16(2, 1), "READ CAPACITY(16) through both portals");
        assertEquals(bed.lunSizeBytes(), capacity.bytes(), "capacity is the LUN file's size");
        assertTrue(tools.discoverTargets(2).contains(bed.targetIqn()), "discovery through path 2 lists the target");
    }

    @Test
    void dataWrittenThroughOnePortalReadsBackThroughTheOther(TestBed bed) {
        IscsiTools tools = bed.tools();
        byte[] first = randomBlocks(128, 1);
        tools.write(1, 1, 1000, first);
        assertArrayEquals(first, tools.read(2, 1, 1000, 128), "written through portal 1, read through portal 2");
        byte[] second = randomBlocks(8, 2);
        tools.write(2, 1, 5000, second);
        assertArrayEquals(second, tools.read(1, 1, 5000, 8), "written through portal 2, read through portal 1");
    }

    @Test
    void cutMakesAPortalUnreachableUntilRestored(TestBed bed) {
        IscsiTools tools = bed.tools().withTimeout(DEAD_PATH_TIMEOUT);
        bed.cut(1);
        try {
            assertThrows(ToolTimeoutException.class, () -> tools.readCapacity16(1, 1),
                    "a silent cable pull gives no error, only silence");
            assertEquals(bed.lunSizeBytes(), tools.readCapacity16(2, 1).bytes(), "path 2 still works while path 1 is cut");
        } finally {
            bed.restore(1);
        }
        assertEquals(bed.lunSizeBytes(), tools.readCapacity16(1, 1).bytes(), "path 1 answers again after restore");
    }

    @Test
    void cutHostMakesSendsFailAtOnce(TestBed bed) {
        IscsiTools tools = bed.tools().withTimeout(DEAD_PATH_TIMEOUT);
        bed.cutHost(2);
        try {
            TestBedException failure = assertThrows(TestBedException.class, () -> tools.readCapacity16(2, 1),
                    "the initiator side is down");
            assertFalse(failure instanceof ToolTimeoutException,
                    "the blackhole route must fail the connect at once, not leave it hanging: " + failure.getMessage());
        } finally {
            bed.restore(2);
        }
        assertEquals(bed.lunSizeBytes(), tools.readCapacity16(2, 1).bytes(), "path 2 answers again after restore");
    }

    @Test
    void blackholeSilencesAPathWhileItsLinksStayUp(TestBed bed) {
        IscsiTools tools = bed.tools().withTimeout(DEAD_PATH_TIMEOUT);
        bed.blackhole(2);
        try {
            String state = bed.status().get("PATH_2_STATE");
            assertTrue(state.startsWith("host:up target:up") && state.contains("bh"), "links up, filter on: " + state);
            assertThrows(ToolTimeoutException.class, () -> tools.readCapacity16(2, 1), "a black hole gives only silence");
        } finally {
            bed.unblackhole(2);
        }
        assertEquals(bed.lunSizeBytes(), tools.readCapacity16(2, 1).bytes(), "path 2 answers again after unblackhole");
    }

    @Test
    void throttleAndDropShowInStatusAndLift(TestBed bed) {
        bed.throttle(1, "200mbit");
        bed.drop(2, 5);
        try {
            BedSummary status = bed.status();
            assertTrue(status.get("PATH_1_STATE").contains("throttle:200Mbit"), "tbf on path 1: " + status);
            assertTrue(status.get("PATH_2_STATE").contains("filters:drop"), "random drop on path 2: " + status);
            byte[] data = randomBlocks(64, 3);
            bed.tools().write(1, 1, 7000, data);
            assertArrayEquals(data, bed.tools().read(1, 1, 7000, 64), "a throttled path still carries data intact");
        } finally {
            bed.unthrottle(1);
            bed.undrop(2);
        }
        BedSummary status = bed.status();
        assertEquals("host:up target:up throttle:none filters:none", status.get("PATH_1_STATE"), "path 1 clean again");
        assertEquals("host:up target:up throttle:none filters:none", status.get("PATH_2_STATE"), "path 2 clean again");
    }

    @Test
    void targetRestartKeepsDataAndIdentity(TestBed bed) {
        IscsiTools tools = bed.tools().withTimeout(DEAD_PATH_TIMEOUT);
        byte[] data = randomBlocks(32, 4);
        tools.write(1, 1, 9000, data);
        String identity = tools.deviceIdentification(1, 1);
        long oldPid = bed.targetPid();

        bed.killTarget();
        assertEquals("stopped", bed.status().get("TGTD"), "tgtd is gone after kill-target");
        assertFalse(HostState.processRuns(oldPid), "the old tgtd process is gone");
        assertThrows(TestBedException.class, () -> tools.readCapacity16(1, 1), "no target, no login");

        bed.restartTarget();
        assertNotEquals(oldPid, bed.targetPid(), "a new tgtd process");
        assertArrayEquals(data, tools.read(2, 1, 9000, 32), "data written before the crash survives the restart");
        assertEquals(identity, tools.deviceIdentification(2, 1), "the LU keeps its identity across the restart");
    }

    @Test
    void dropConnectionsEndsTheTargetsConnections(TestBed bed) throws Exception {
        Process bench = new ProcessBuilder(bed.peers().resolve("iscsi-bench").toString(), "-t", "4", "-q", "4",
                bed.lunUrl(1, 1)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String before = awaitConnections(bed, "");
            assertFalse(before.isEmpty(), "the write bench holds a connection");
            bed.dropConnections();
            String after = awaitConnections(bed, before);
            assertNotEquals(before, after, "the target dropped the connection " + before);
        } finally {
            bench.destroyForcibly();
            bench.waitFor();
        }
    }

    @Test
    void benchPeerReportsThroughputLatencyAndCpu(TestBed bed) {
        for (String mode : new String[] {"write", "randread"}) {
            BedSummary result = bed.tools().withTimeout(Duration.ofSeconds(30)).bench(mode, 1, 1, 131072, 8, 1.0);
            assertEquals(mode, result.get("mode"), "the peer ran the mode asked for: " + result);
            assertTrue(Long.parseLong(result.get("ios")) > 0, "the bench completed commands: " + result);
            assertEquals("0", result.get("errors"), "no command failed: " + result);
            assertTrue(Double.parseDouble(result.get("mib_per_s")) > 0, "a throughput figure: " + result);
            double p50 = Double.parseDouble(result.get("lat_p50_us"));
            assertTrue(p50 > 0 && p50 <= Double.parseDouble(result.get("lat_p999_us")), "ordered latency percentiles: " + result);
            assertTrue(Double.parseDouble(result.get("cpu_s")) > 0, "the peer's own CPU time: " + result);
        }
    }

    /** Polls CONNECTIONS until it differs from {@code previous}; a deadline, not a timed assertion. */
    private static String awaitConnections(TestBed bed, String previous) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String current = bed.status().find("CONNECTIONS").orElse("");
        while (current.equals(previous) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            current = bed.status().find("CONNECTIONS").orElse("");
        }
        return current;
    }

    private static byte[] randomBlocks(int blocks, long seed) {
        byte[] data = new byte[blocks * 512];
        new Random(seed).nextBytes(data);
        return data;
    }
}
