package org.hbateam.benchmarks.scenario;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.hbateam.api.team.Team;
import org.hbateam.api.team.TeamService;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Sets up simulated adapters, LUNs and teams through Config Admin, exactly as an administrator would
 * (PIDs {@code org.hbateam.sim.adapter}, {@code org.hbateam.sim.lun}, {@code org.hbateam.team},
 * {@code org.hbateam.balancer.dynamic}), switches a team's policy live, and deletes what it made.
 */
final class SimSetup implements AutoCloseable {
    static final String TARGET = "iqn.2026-01.org.hbateam.bench:scenarios";
    /** Per-command latency of every simulated adapter; small next to a 128 KiB transfer (0.4 - 1.3 ms). */
    static final int LATENCY_MICROS = 200;
    /** Commands each simulated adapter services at once. */
    static final int ADAPTER_QUEUE_DEPTH = 32;

    private final ConfigurationAdmin configAdmin;
    private final TeamService teams;
    private final List<Configuration> made = new ArrayList<>();
    private final Map<String, Configuration> teamConfigs = new HashMap<>();
    private final Map<String, Hashtable<String, Object>> teamProperties = new HashMap<>();

    SimSetup(ConfigurationAdmin configAdmin, TeamService teams) {
        this.configAdmin = configAdmin;
        this.teams = teams;
    }

    void adapter(String name, int bandwidthMBps) throws IOException {
        factory("org.hbateam.sim.adapter", props("name", name, "bandwidthMBps", bandwidthMBps,
                "latencyMicros", LATENCY_MICROS, "queueDepth", ADAPTER_QUEUE_DEPTH));
    }

    /** A LUN of {@code sizeMB} MiB, number {@code lun} behind {@link #TARGET}, reachable over {@code adapters}. */
    void lun(long lun, String luIdentity, int sizeMB, String... adapters) throws IOException {
        factory("org.hbateam.sim.lun", props("target", TARGET, "lun", lun, "sizeMB", sizeMB,
                "luIdentity", luIdentity, "adapters", adapters));
    }

    /** A team configuration named {@code name} for {@code luIdentity}, starting with policy {@code static}. */
    void team(String name, String luIdentity) throws IOException {
        Hashtable<String, Object> properties = props("name", name, "luIdentity", luIdentity, "policy", "static");
        teamProperties.put(name, properties);
        teamConfigs.put(name, factory("org.hbateam.team", properties));
    }

    /** Sets the team's policy and shares (entries {@code adapter=percent}; none for equal shares), live. */
    void policy(String team, String policy, String... shares) throws IOException, InterruptedException {
        Hashtable<String, Object> properties = teamProperties.get(team);
        properties.put("policy", policy);
        properties.put("readShares", shares);
        properties.put("writeShares", shares);
        teamConfigs.get(team).update(properties);
        awaitPolicy(team, policy);
    }

    /** The dynamic balancer's global parameters ([0027]) and its mode. */
    void dynamicParameters(long timerIntervalMs, int changeThresholdPercent, int lbChangePercent, String mode)
            throws IOException {
        Configuration config = configAdmin.getConfiguration("org.hbateam.balancer.dynamic", "?");
        config.update(props("timerIntervalMs", timerIntervalMs, "changeThresholdPercent", changeThresholdPercent,
                "lbChangePercent", lbChangePercent, "mode", mode));
        if (!made.contains(config)) {
            made.add(config);
        }
    }

    /** The team named so once it has {@code paths} paths; waits up to 20 s. */
    Team awaitTeam(String name, int paths) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Optional<Team> team = teams.team(name);
            if (team.isPresent() && team.get().paths().size() == paths) {
                return team.get();
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("team " + name + " did not form with " + paths + " paths within 20 s");
    }

    private void awaitPolicy(String name, String policy) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (teams.team(name).map(t -> t.policy().equals(policy)).orElse(false)) {
                return;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("team " + name + " did not switch to policy " + policy + " within 20 s");
    }

    private Configuration factory(String factoryPid, Dictionary<String, Object> properties) throws IOException {
        Configuration config = configAdmin.createFactoryConfiguration(factoryPid, "?");
        config.update(properties);
        made.add(config);
        return config;
    }

    private static Hashtable<String, Object> props(Object... keyValues) {
        Hashtable<String, Object> table = new Hashtable<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            table.put((String) keyValues[i], keyValues[i + 1]);
        }
        return table;
    }

    /** Deletes every configuration made here, last first, so the components stop and their paths go. */
    @Override
    public void close() throws IOException {
        for (int i = made.size() - 1; i >= 0; i--) {
            made.get(i).delete();
        }
        made.clear();
    }
}
