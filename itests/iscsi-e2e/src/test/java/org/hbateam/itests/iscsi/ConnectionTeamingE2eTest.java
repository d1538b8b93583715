package org.hbateam.itests.iscsi;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.hbateam.driver.iscsi.internal.IscsiPath;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.test.workload.VerifyingLoad;
import org.hbateam.testbed.BedConfig;
import org.hbateam.testbed.TestBed;
import org.hbateam.testbed.TestBedExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13, connection-based teaming (MC/S), against tgtd with MaxConnections=3: one session over 2 and 3 links,
 * whose connections the target holds under one TSIH; and a link fault under write load (a silent cut, the black
 * hole, the congested link, a flap), with every byte checked and no application error.
 *
 * <p>tgtd mishandles the Logout that closes another connection (RFC 7143 11.14, reason 1): it ignores the reason
 * and the CID, answers, and closes the connection the request came on, while the dead connection and its tasks stay.
 * And it queues commands by CmdSN for the whole session, so the commands lost with the faulty link stall every
 * connection, and the failover service's command timeouts drop the healthy ones too. So on tgtd no fault is fenced
 * by that Logout. Either every connection is down before a Logout can be tried, and the next creating login
 * reinstates the session (a new TSIH), which fences all it held; or a Logout goes over a live connection, tgtd closes
 * that connection, and the group falls back to one session per adapter, saying why (as the health check would),
 * whose first login, with the group's ISID, reinstates the session. The fault tests assert that it is one of these
 * two, with no other reason for a fall back, and every byte right.
 */
@ExtendWith(TestBedExtension.class)
@BedConfig(paths = 3, size = "128M", maxConnections = 3)
class ConnectionTeamingE2eTest {
    private static final long MIB = 1L << 20;
    /** Flaky detection off (the faults repeat on purpose) and a short failback, so each run starts on every link. */
    private static final FailoverSettings CONFIG = settings();

    @ParameterizedTest(name = "{0} links")
    @ValueSource(ints = {2, 3})
    void oneSessionOverSeveralLinksSharesOneTsihAndCarriesIoOnEveryConnection(int links, TestBed bed) throws Exception {
        try (E2eMcsTeam t = new E2eMcsTeam(bed, links, CONFIG)) {
            Set<Integer> tsihs = new TreeSet<>();
            t.paths.forEach(p -> tsihs.add(E2eMcsTeam.tsih(p)));
            assertEquals(1, tsihs.size(), "every connection's path names one session: " + t.paths);
            Map<String, String> atTarget = E2eMcsTeam.targetConnections(bed, links);
            assertEquals(links, atTarget.size(), "tgtd holds a connection from each link: " + atTarget);
            // tgtd copies its 16-bit TSIH to the wire in host (little-endian) byte order: its 2 reads as 0x0200 here.
            int tsih = tsihs.iterator().next();
            int tgtdTsih = (tsih & 0xff) << 8 | tsih >> 8;
            for (int path = 1; path <= links; path++) {
                assertEquals(tgtdTsih + "/" + path, atTarget.get(bed.hostAddress(path)),
                        "tgtd holds the connection from link " + path + " as CID " + path + " of our session: " + atTarget);
            }

            VerifyingLoad load = new VerifyingLoad(t.team, (links == 2 ? 0 : 8) * MIB, 8, 256, 32, 50);
            load.start();
            try {
                assertTrue(load.awaitMore(400), "the load runs: " + load.summary());
            } finally {
                load.stop();
            }
            for (IscsiPath path : t.paths) {
                assertTrue(t.info(path).commands() > 0, "connection " + path.id() + " carried commands: " + t.team.paths());
            }
            assertEquals(List.of(), t.adapter.fallbacks, "no fall back");
            new CleanRun(load.model()).witness("the team", Readers.team(t.team))
                    .witness("the LUN file", Readers.lunFile(bed, 1)).assertClean(load.errors(), load::summary);
        }
    }

    /** A fault of link 2 and its end. */
    private interface Fault {
        void inject(TestBed bed) throws Exception;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cut", "blackhole", "congest", "flap"})
    void aLinkFaultUnderWriteLoadLosesNoWriteAndFallsBackVisiblyOnTgtd(String kind, TestBed bed) throws Exception {
        long region = (16 + 8 * List.of("cut", "blackhole", "congest", "flap").indexOf(kind)) * MIB;
        try (E2eMcsTeam t = new E2eMcsTeam(bed, 3, CONFIG)) {
            int before = E2eMcsTeam.tsih(t.paths.get(0));
            VerifyingLoad load = new VerifyingLoad(t.team, region, 8, 256, 32, 50);
            load.start();
            boolean resumed;
            long faultMs;
            try {
                assertTrue(load.awaitMore(200), "the load runs before the fault: " + load.summary());
                long start = System.nanoTime();
                fault(kind).inject(bed);
                faultMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                resumed = load.awaitMore(300);
            } finally {
                load.stop();
            }
            System.out.printf("MC/S %s of link 2 (%d ms): %s; fallbacks %s; TSIH before %d%n", kind, faultMs,
                    load.summary(), t.adapter.fallbacks, before);
            boolean fellBack = !t.adapter.fallbacks.isEmpty();
            int after = fellBack ? before : awaitWholeSessionAgain(t, before);
            List<Executable> checks = new ArrayList<>(List.of(
                    () -> assertTrue(resumed, "I/O flows after the fault: " + load.summary()),
                    () -> assertTrue(t.adapter.fallbacks.size() <= 1, "at most one fall back: " + t.adapter.fallbacks),
                    () -> assertTrue(t.adapter.fallbacks.stream().allMatch(f -> f.contains("closed CID")),
                            "a fall back only because tgtd closed the connection the Logout came on: " + t.adapter.fallbacks),
                    () -> assertTrue(fellBack || after != before, "without a fall back, the session was reinstated (TSIH "
                            + before + " -> " + after + ") and every connection joined it again")));
            checks.addAll(new CleanRun(load.model()).witness("the team", Readers.team(t.team))
                    .witness("the LUN file", Readers.lunFile(bed, 1)).checks(load.errors(), load::summary));
            assertAll("MC/S " + kind + " of link 2 on tgtd", checks.stream());
        }
    }

    /** Waits until every connection is up in one session other than {@code before}; returns its TSIH, or -1. */
    private static int awaitWholeSessionAgain(E2eMcsTeam t, int before) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(E2eAdapter.GUARD_SECONDS);
        while (System.nanoTime() < end) {
            Set<Integer> tsihs = new TreeSet<>();
            t.paths.forEach(p -> tsihs.add(p.state() == org.hbateam.api.path.PathState.UP ? E2eMcsTeam.tsih(p) : -1));
            if (tsihs.size() == 1 && !tsihs.contains(-1) && !tsihs.contains(before)) {
                return tsihs.iterator().next();
            }
            Thread.sleep(10);
        }
        return -1;
    }

    private static Fault fault(String kind) {
        return switch (kind) {
            case "cut" -> bed -> outage(bed, () -> bed.cut(2), () -> bed.restore(2), 6000);
            case "blackhole" -> bed -> outage(bed, () -> bed.blackhole(2), () -> bed.unblackhole(2), 6000);
            case "congest" -> bed -> outage(bed, () -> bed.congest(2), () -> bed.release(2), 5000);
            case "flap" -> bed -> {
                for (int i = 0; i < 3; i++) {
                    outage(bed, () -> bed.cut(2), () -> bed.restore(2), 1500);
                    Thread.sleep(1500); // up between the drops, as a flapping link is
                }
            };
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** Applies a fault for {@code millis} (the fault's length, not a wait for a condition), then ends it. */
    private static void outage(TestBed bed, Runnable begin, Runnable end, long millis) throws InterruptedException {
        begin.run();
        try {
            Thread.sleep(millis);
        } finally {
            end.run();
        }
    }

    private static FailoverSettings settings() {
        FailoverSettings d = FailoverSettings.defaults();
        return d.withFlaky(1000, d.flakyWindowMs(), d.flakyHoldDownMs()).withFailback(d.failback(), 2000);
    }
}
