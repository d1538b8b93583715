package org.hbateam.benchmarks.scenario;

import java.io.IOException;

import org.hbateam.api.team.Team;
import org.hbateam.api.team.TeamService;
import org.hbateam.load.LoadSpec;
import org.hbateam.load.QueueDepthLoop;
import org.hbateam.load.Sink;
import org.hbateam.test.framework.Configurations;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The scenarios' simulated adapters, LUNs and teams, made through Config Admin as an administrator would (see
 * {@link Configurations}), and the load each team carries. {@link #close} deletes what it made.
 */
final class SimSetup implements AutoCloseable {
    static final String TARGET = "iqn.2026-01.org.hbateam.bench:scenarios";
    /** Per-command latency of every simulated adapter; small next to a 128 KiB transfer (0.4 - 1.3 ms). */
    static final int LATENCY_MICROS = 200;
    /** Commands each simulated adapter services at once. */
    static final int ADAPTER_QUEUE_DEPTH = 32;
    /** Every scenario command moves 128 KiB. */
    static final int COMMAND_BYTES = 128 * 1024;
    private static final int BLOCK_SIZE = 512;

    private final Configurations configurations;

    SimSetup(ConfigurationAdmin configAdmin, TeamService teams) {
        this.configurations = new Configurations(configAdmin, teams);
    }

    /**
     * {@code options.queueDepth()} commands of 128 KiB in flight on {@code team}, reads and writes mixed as the
     * options say, at random aligned offsets of its LU of {@code lunBytes}.
     */
    static QueueDepthLoop load(Team team, ScenarioOptions options, long lunBytes) {
        return new QueueDepthLoop(Sink.of(team), LoadSpec.random(COMMAND_BYTES, options.queueDepth(), BLOCK_SIZE, lunBytes,
                LoadSpec.Directions.readPercent(options.readPercent()), team.name().hashCode() * 31L));
    }

    void adapter(String name, int bandwidthMBps) throws IOException {
        configurations.simAdapter(name, bandwidthMBps, LATENCY_MICROS, ADAPTER_QUEUE_DEPTH);
    }

    /** A LUN of {@code sizeMB} MiB, number {@code lun} behind {@link #TARGET}, reachable over {@code adapters}. */
    void lun(long lun, String luIdentity, int sizeMB, String... adapters) throws IOException {
        configurations.simLun(TARGET, lun, luIdentity, sizeMB, adapters);
    }

    /** A team configuration named {@code name} for {@code luIdentity}, starting with policy {@code static}. */
    void team(String name, String luIdentity) throws IOException {
        configurations.team(name, luIdentity, "static");
    }

    /** Sets the team's policy and shares (entries {@code adapter=percent}; none for equal shares), live. */
    void policy(String team, String policy, String... shares) throws IOException, InterruptedException {
        configurations.policy(team, policy, shares);
    }

    /** The dynamic balancer's global parameters ([0027]) and its mode. */
    void dynamicParameters(long timerIntervalMs, int changeThresholdPercent, int lbChangePercent, String mode)
            throws IOException {
        configurations.dynamicParameters(timerIntervalMs, changeThresholdPercent, lbChangePercent, mode);
    }

    /** The team named so once it has {@code paths} paths. */
    Team awaitTeam(String name, int paths) throws InterruptedException {
        return configurations.awaitTeam(name, paths);
    }

    @Override
    public void close() throws IOException {
        configurations.close();
    }
}
