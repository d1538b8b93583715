package org.hbateam.itests.felix;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;

import org.hbateam.api.path.DataPath;
import org.hbateam.api.team.Team;
import org.hbateam.api.team.TeamService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Configures simulated adapters and one LUN through Config Admin, waits for the team to form, and
 * deletes every configuration it made in {@link #close()}.
 */
final class SimulatedTeam implements AutoCloseable {
    static final String LU_IDENTITY = "naa.600144f00000000000000000000000aa";

    private final BundleContext context;
    private final ConfigurationAdmin configAdmin;
    private final List<Configuration> made = new ArrayList<>();

    SimulatedTeam(BundleContext context, ConfigurationAdmin configAdmin) {
        this.context = context;
        this.configAdmin = configAdmin;
    }

    SimulatedTeam adapter(String name, int bandwidthMBps) throws IOException {
        return configure("org.hbateam.sim.adapter", props("name", name, "bandwidthMBps", bandwidthMBps,
                "latencyMicros", 100, "queueDepth", 32));
    }

    SimulatedTeam lun(int sizeMB, String... adapters) throws IOException {
        return configure("org.hbateam.sim.lun", props("target", "iqn.2026-01.org.hbateam.it:t0", "lun", 0L,
                "sizeMB", sizeMB, "luIdentity", LU_IDENTITY, "adapters", adapters));
    }

    SimulatedTeam failover(Object... keyValues) throws IOException {
        Configuration config = configAdmin.getConfiguration("org.hbateam.failover", "?");
        config.update(props(keyValues));
        made.add(config);
        return this;
    }

    SimulatedTeam team(Object... keyValues) throws IOException {
        return configure("org.hbateam.team", props(keyValues));
    }

    private SimulatedTeam configure(String factoryPid, Dictionary<String, Object> properties) throws IOException {
        Configuration config = configAdmin.createFactoryConfiguration(factoryPid, "?");
        config.update(properties);
        made.add(config);
        return this;
    }

    /** Waits until the team of {@link #LU_IDENTITY} has {@code paths} paths, and returns it. */
    Team awaitTeam(int paths) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            Optional<Team> team = teamService().flatMap(s -> s.teams().stream()
                    .filter(t -> t.luIdentity().equals(LU_IDENTITY)).findFirst());
            if (team.isPresent() && team.get().paths().size() == paths) {
                return team.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no team of " + LU_IDENTITY + " with " + paths + " paths formed within 20 s");
    }

    /** The registered data path over {@code adapter}. */
    DataPath path(String adapter) throws InvalidSyntaxException {
        Collection<ServiceReference<DataPath>> refs = context.getServiceReferences(DataPath.class,
                "(&(" + DataPath.ADAPTER_ID + "=" + adapter + ")(" + DataPath.LU_IDENTITY + "=" + LU_IDENTITY + "))");
        if (refs.size() != 1) {
            throw new AssertionError("expected one path over " + adapter + ", found " + refs.size());
        }
        return context.getService(refs.iterator().next());
    }

    private Optional<TeamService> teamService() {
        ServiceReference<TeamService> ref = context.getServiceReference(TeamService.class);
        return ref == null ? Optional.empty() : Optional.ofNullable(context.getService(ref));
    }

    private static Dictionary<String, Object> props(Object... keyValues) {
        Hashtable<String, Object> table = new Hashtable<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            table.put((String) keyValues[i], keyValues[i + 1]);
        }
        return table;
    }

    @Override
    public void close() throws IOException {
        for (Configuration config : made) {
            config.delete();
        }
    }
}
