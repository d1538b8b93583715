package org.hbateam.test.framework;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.hbateam.api.team.Team;
import org.hbateam.api.team.TeamService;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Configures hbateam through Config Admin exactly as an administrator would: simulated adapters and LUNs
 * ({@code org.hbateam.sim.adapter}, {@code org.hbateam.sim.lun}), iSCSI adapters ({@code org.hbateam.iscsi.adapter}),
 * teams ({@code org.hbateam.team}) and the dynamic balancer's parameters, and waits for the teams that result.
 * {@link #close} deletes every configuration made here, last first, so the components stop and their paths go.
 */
public final class Configurations implements AutoCloseable {
    /** How long a team may take to form or to switch policy once configured. */
    public static final long WAIT_SECONDS = 20;

    private final ConfigurationAdmin configAdmin;
    private final TeamService teams;
    private final List<Configuration> made = new ArrayList<>();
    private final Map<String, Configuration> teamConfigs = new HashMap<>();
    private final Map<String, Hashtable<String, Object>> teamProperties = new HashMap<>();

    public Configurations(ConfigurationAdmin configAdmin, TeamService teams) {
        this.configAdmin = configAdmin;
        this.teams = teams;
    }

    /** A simulated adapter. */
    public Configuration simAdapter(String name, int bandwidthMBps, int latencyMicros, int queueDepth) throws IOException {
        return factory("org.hbateam.sim.adapter", properties("name", name, "bandwidthMBps", bandwidthMBps,
                "latencyMicros", latencyMicros, "queueDepth", queueDepth));
    }

    /** A simulated LUN of {@code sizeMB} MiB, number {@code lun} behind {@code target}, reached over {@code adapters}. */
    public Configuration simLun(String target, long lun, String luIdentity, int sizeMB, String... adapters) throws IOException {
        return factory("org.hbateam.sim.lun", properties("target", target, "lun", lun, "sizeMB", sizeMB,
                "luIdentity", luIdentity, "adapters", adapters));
    }

    /** An iSCSI adapter with the given keys (see docs/configuration.md); the rest keep their defaults. */
    public Configuration iscsiAdapter(Map<String, Object> keys) throws IOException {
        return factory("org.hbateam.iscsi.adapter", new Hashtable<>(keys));
    }

    /** A team named {@code name} for {@code luIdentity} with {@code policy} and equal shares. */
    public Configuration team(String name, String luIdentity, String policy) throws IOException {
        Hashtable<String, Object> properties = properties("name", name, "luIdentity", luIdentity, "policy", policy);
        teamProperties.put(name, properties);
        Configuration config = factory("org.hbateam.team", properties);
        teamConfigs.put(name, config);
        return config;
    }

    /** Sets a configured team's policy and shares (entries {@code adapter=percent}; none for equal), live. */
    public void policy(String team, String policy, String... shares) throws IOException, InterruptedException {
        Hashtable<String, Object> properties = teamProperties.get(team);
        properties.put("policy", policy);
        properties.put("readShares", shares);
        properties.put("writeShares", shares);
        teamConfigs.get(team).update(properties);
        await(team, t -> t.policy().equals(policy), "switch to policy " + policy);
    }

    /** The dynamic balancer's global parameters ([0027]). */
    public void dynamicParameters(long timerIntervalMs, int changeThresholdPercent, int lbChangePercent) throws IOException {
        dynamicParameters(timerIntervalMs, changeThresholdPercent, lbChangePercent, "patent");
    }

    /** The dynamic balancer's parameters and its mode ({@code patent}, {@code relaxed} or {@code capacity}). */
    public void dynamicParameters(long timerIntervalMs, int changeThresholdPercent, int lbChangePercent, String mode)
            throws IOException {
        Configuration config = configAdmin.getConfiguration("org.hbateam.balancer.dynamic", "?");
        config.update(properties("timerIntervalMs", timerIntervalMs, "changeThresholdPercent", changeThresholdPercent,
                "lbChangePercent", lbChangePercent, "mode", mode));
        if (!made.contains(config)) {
            made.add(config);
        }
    }

    /** The team named so (or of that LU identity, when unconfigured) once it has {@code paths} paths. */
    public Team awaitTeam(String name, int paths) throws InterruptedException {
        return await(name, t -> t.paths().size() == paths, "form with " + paths + " paths");
    }

    private Team await(String name, Predicate<Team> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            Optional<Team> team = teams.team(name).filter(condition);
            if (team.isPresent()) {
                return team.get();
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("team " + name + " did not " + what + " within " + WAIT_SECONDS + " s");
    }

    private Configuration factory(String factoryPid, Dictionary<String, Object> properties) throws IOException {
        Configuration config = configAdmin.createFactoryConfiguration(factoryPid, "?");
        config.update(properties);
        made.add(config);
        return config;
    }

    private static Hashtable<String, Object> properties(Object... keyValues) {
        Hashtable<String, Object> table = new Hashtable<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            table.put((String) keyValues[i], keyValues[i + 1]);
        }
        return table;
    }

    /** Deletes every configuration made here, last first. */
    @Override
    public void close() throws IOException {
        for (int i = made.size() - 1; i >= 0; i--) {
            made.get(i).delete();
        }
        made.clear();
    }
}
