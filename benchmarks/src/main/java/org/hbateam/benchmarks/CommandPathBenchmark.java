package org.hbateam.benchmarks;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * One 4 KiB READ(16) or WRITE(16) through the whole command path: {@link Team#submit} on the real failover
 * team, the real static balancer choosing among 4 paths, and the real simulated driver (4 adapters with 0
 * latency and 1 TB/s, so that the driver's model is not the bottleneck) executing it against an in-memory LUN,
 * and the completion back through the team to the caller's future.
 *
 * <p>{@code depth} commands are kept in flight: each operation waits for the oldest one and sends it again.
 * The caller waits by polling {@code isDone()} (spinning, then yielding), so the allocation measured is the
 * team's, balancer's and driver's, not that of a blocking wait ({@code join()} parks with a node of its own)
 * or of a completion callback (a {@code whenComplete} stage is the caller's object). The commands and their
 * 4 KiB buffers are made once and re-sent, as the API allows ({@link ScsiCommand} is immutable apart from
 * its data). Run with {@code benchmarks/run command}; see docs/benchmarks.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
public class CommandPathBenchmark {
    private static final int BYTES = 4096;
    private static final int BLOCKS = BYTES / 512;
    private static final int PATHS = 4;

    @Param({"1", "32"})
    public int depth;

    @Param({"READ", "WRITE"})
    public String op;

    private DirectSim sim;
    private DirectFailover failover;
    private Team team;
    private ScsiCommand[] commands;
    private CompletableFuture<ScsiResult>[] inFlight;
    private int next;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void start() throws Exception {
        sim = new DirectSim();
        String[] adapters = new String[PATHS];
        for (int i = 0; i < PATHS; i++) {
            adapters[i] = "hba" + i;
            sim.adapter(adapters[i], 1_000_000, 0, 64);
        }
        sim.lun(0, 64, adapters);
        failover = new DirectFailover(FailoverSettings.defaults());
        failover.useBalancer(new StaticBalancerFactory(), "static");
        for (DataPath path : sim.paths()) {
            failover.addPath(path, DirectSim.properties(path));
        }
        team = failover.team(sim.paths().get(0).luIdentity());
        commands = new ScsiCommand[depth];
        inFlight = new CompletableFuture[depth];
        for (int i = 0; i < depth; i++) {
            ByteBuffer buffer = ByteBuffer.allocate(BYTES);
            // Written once first, so that reads copy real pages rather than the sparse store's zeros.
            check(team.execute(ScsiCommand.write(Cdb.write16((long) i * BLOCKS, BLOCKS), buffer.duplicate())));
            commands[i] = op.equals("READ")
                    ? ScsiCommand.read(Cdb.read16((long) i * BLOCKS, BLOCKS), buffer)
                    : ScsiCommand.write(Cdb.write16((long) i * BLOCKS, BLOCKS), buffer);
        }
        for (int i = 0; i < depth; i++) {
            inFlight[i] = team.submit(commands[i]).toCompletableFuture();
        }
    }

    @Benchmark
    public ScsiResult command() {
        int i = next;
        next = i + 1 == depth ? 0 : i + 1;
        CompletableFuture<ScsiResult> oldest = inFlight[i];
        awaitDone(oldest);
        ScsiResult result = check(oldest.getNow(null));
        inFlight[i] = team.submit(commands[i]).toCompletableFuture();
        return result;
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        for (CompletableFuture<ScsiResult> future : inFlight) {
            check(future.get(10, TimeUnit.SECONDS));
        }
        // One line per path, so a run shows the balancer really spread the commands.
        for (PathInfo path : team.paths()) {
            System.out.println("  " + path.pathId() + ": " + path.commands() + " commands");
        }
        failover.close();
        sim.close();
    }

    private static void awaitDone(CompletableFuture<ScsiResult> future) {
        for (int spins = 0; !future.isDone(); spins++) {
            if (spins < 200) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    private static ScsiResult check(ScsiResult result) {
        if (result == null || !result.isGood()) {
            throw new IllegalStateException("a benchmark command did not complete GOOD: " + result);
        }
        return result;
    }
}
