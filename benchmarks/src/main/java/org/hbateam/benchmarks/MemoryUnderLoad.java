package org.hbateam.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.hbateam.api.path.DataPath;
import org.hbateam.api.scsi.Cdb;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;
import org.hbateam.balancer.static_.internal.StaticBalancerFactory;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.test.direct.DirectFailover;
import org.hbateam.test.direct.DirectSim;

/**
 * Memory under load: 2 teams × 4 paths (2 simulated LUNs, each reached through the same 4 simulated adapters
 * with the shipped defaults: 200 MB/s, 200 µs, queue depth 32) driven flat out for a while, meant to run in
 * {@code -Xmx256m}. The real failover team core, static balancer and simulated driver, built with {@code new}
 * (no OSGi framework). Each team keeps {@code depth} commands in flight; every slot writes 64 KiB to one of its
 * own 16 regions, reads it back and checks it, then moves to its next region, so the LUNs hold
 * 2 × depth × 16 × 64 KiB of data (64 MiB at depth 32) in the heap, as the simulated driver stores them.
 *
 * <p>Prints throughput, failures and mismatches (both must be 0), GC counts and times, and the heap used after a
 * full GC at the end of the load. Usage: {@code java -Xmx256m -cp benchmarks/target/benchmarks.jar
 * org.hbateam.benchmarks.MemoryUnderLoad [seconds] [depth]}; see docs/benchmarks.md.
 */
public final class MemoryUnderLoad {
    private static final int BYTES = 64 * 1024;
    private static final int BLOCKS = BYTES / 512;
    private static final int REGIONS_PER_SLOT = 16;
    private static final int ADAPTERS = 4;
    private static final int LUNS = 2;

    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong mismatches = new AtomicLong();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    private volatile boolean stopping;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int depth = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        System.exit(new MemoryUnderLoad().run(seconds, depth) ? 0 : 1);
    }

    private boolean run(int seconds, int depth) throws Exception {
        System.out.printf("max heap %d MiB, %d s, %d teams x %d paths, depth %d per team, %d KiB write+read-back%n",
                Runtime.getRuntime().maxMemory() >> 20, seconds, LUNS, ADAPTERS, depth, BYTES / 1024);
        try (DirectSim sim = new DirectSim()) {
            String[] adapters = new String[ADAPTERS];
            for (int a = 0; a < ADAPTERS; a++) {
                adapters[a] = "hba" + a;
                sim.adapter(adapters[a], 200, 200, 32);
            }
            int sizeMB = depth * REGIONS_PER_SLOT * BYTES / (1 << 20) + 1;
            for (int lun = 0; lun < LUNS; lun++) {
                sim.lun(lun, sizeMB, adapters);
            }
            DirectFailover failover = new DirectFailover(FailoverSettings.defaults());
            failover.useBalancer(new StaticBalancerFactory(), "static");
            List<Team> teams = new ArrayList<>();
            for (DataPath path : sim.paths()) {
                failover.addPath(path, DirectSim.properties(path));
            }
            for (DataPath path : sim.paths()) {
                Team team = failover.team(path.luIdentity());
                if (!teams.contains(team)) {
                    teams.add(team);
                }
            }
            CountDownLatch slotsDone = new CountDownLatch(teams.size() * depth);
            long start = System.nanoTime();
            for (int t = 0; t < teams.size(); t++) {
                for (int slot = 0; slot < depth; slot++) {
                    new Slot(teams.get(t), t, slot, slotsDone).write();
                }
            }
            report(seconds, start);
            stopping = true;
            if (!slotsDone.await(30, TimeUnit.SECONDS)) {
                System.out.println("FAIL: commands still in flight 30 s after the load stopped");
                failures.incrementAndGet();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            for (Team team : teams) {
                for (PathInfo p : team.paths()) {
                    System.out.printf("  team %s path %s: %d commands, %s%n", team.name(), p.pathId(), p.commands(), p.state());
                }
            }
            System.out.printf("commands %d (%.0f/s), %.1f MB/s (of 800 MB/s link capacity), failures %d, mismatches %d%n",
                    commands.get(), commands.get() / elapsed, bytes.get() / elapsed / 1e6, failures.get(), mismatches.get());
            if (firstFailure.get() != null) {
                firstFailure.get().printStackTrace(System.out);
            }
            gcSummary();
            failover.close();
        }
        return failures.get() == 0 && mismatches.get() == 0;
    }

    /** Prints heap after a full GC and GC activity every 10 s while the load runs. */
    private void report(int seconds, long start) throws InterruptedException {
        for (int s = 10; s <= seconds; s += 10) {
            TimeUnit.NANOSECONDS.sleep(start + TimeUnit.SECONDS.toNanos(s) - System.nanoTime());
            System.out.printf("t=%3ds commands %d, failures %d, mismatches %d, heap used now %d MiB%n", s, commands.get(),
                    failures.get(), mismatches.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
        }
        TimeUnit.NANOSECONDS.sleep(Math.max(0, start + TimeUnit.SECONDS.toNanos(seconds) - System.nanoTime()));
        System.gc(); // under load still: what stays live while both teams are saturated
        System.out.printf("heap used after a full GC, under load: %d MiB%n",
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
    }

    private static void gcSummary() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            System.out.printf("GC %s: %d collections, %d ms%n", gc.getName(), gc.getCollectionCount(), gc.getCollectionTime());
        }
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getCollectionUsage();
            if (pool.getType() == MemoryType.HEAP && afterGc != null) {
                System.out.printf("pool %s: peak %d MiB, after last GC %d MiB%n", pool.getName(),
                        pool.getPeakUsage().getUsed() >> 20, afterGc.getUsed() >> 20);
            }
        }
    }

    /** One in-flight command of one team: write a region, read it back and check, move on. */
    private final class Slot {
        private final Team team;
        private final int slot;
        private final CountDownLatch done;
        private final ByteBuffer out = ByteBuffer.allocate(BYTES);
        private final ByteBuffer in = ByteBuffer.allocate(BYTES);
        private final long stamp;
        private long generation;

        Slot(Team team, int teamIndex, int slot, CountDownLatch done) {
            this.team = team;
            this.slot = slot;
            this.done = done;
            this.stamp = ((long) teamIndex << 48) | ((long) slot << 32);
        }

        private long lba() {
            return ((long) slot * REGIONS_PER_SLOT + generation % REGIONS_PER_SLOT) * BLOCKS;
        }

        void write() {
            if (stopping) {
                done.countDown();
                return;
            }
            generation++;
            out.putLong(0, stamp | generation).putLong(BYTES - 8, ~(stamp | generation));
            team.submit(ScsiCommand.write(Cdb.write16(lba(), BLOCKS), out)).whenComplete((result, error) -> {
                if (counted(result, error)) {
                    read();
                }
            });
        }

        private void read() {
            team.submit(ScsiCommand.read(Cdb.read16(lba(), BLOCKS), in)).whenComplete((result, error) -> {
                if (counted(result, error)) {
                    if (in.getLong(0) != (stamp | generation) || in.getLong(BYTES - 8) != ~(stamp | generation)) {
                        mismatches.incrementAndGet();
                    }
                    write();
                }
            });
        }

        /** Counts an outcome; false (and the slot stops) when it is not GOOD. */
        private boolean counted(ScsiResult result, Throwable error) {
            if (error != null || result == null || !result.isGood()) {
                failures.incrementAndGet();
                firstFailure.compareAndSet(null, error != null ? error : new IllegalStateException("status " + result));
                done.countDown();
                return false;
            }
            commands.incrementAndGet();
            bytes.addAndGet(BYTES);
            return true;
        }
    }
}
