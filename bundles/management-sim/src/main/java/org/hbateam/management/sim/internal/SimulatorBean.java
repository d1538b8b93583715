package org.hbateam.management.sim.internal;

import java.util.List;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import org.hbateam.api.team.TeamService;
import org.hbateam.driver.sim.Fault;
import org.hbateam.driver.sim.SimulatedFaults;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Registers {@code org.hbateam:type=Simulator} while the simulated driver runs, beside the MBeans of the
 * management bundle (same domain), which imports no driver.
 */
@Component(service = {})
public final class SimulatorBean implements SimulatorMXBean {
    static final String OBJECT_NAME = "org.hbateam:type=Simulator";

    private final ObjectName name = new ObjectName(OBJECT_NAME);
    private final SimulatedFaults faults;
    private final TeamService teams;
    private final MBeanServer server;
    private final ReadLoad load = new ReadLoad();

    @Activate
    public SimulatorBean(@Reference(name = "faults") SimulatedFaults faults, @Reference(name = "teams") TeamService teams,
                         @Reference(name = "mbeanServer") MBeanServer server) throws JMException {
        this.faults = faults;
        this.teams = teams;
        this.server = server;
        server.registerMBean(new StandardMBean(this, SimulatorMXBean.class, true), name);
    }

    @Deactivate
    void deactivate() throws JMException, InterruptedException {
        server.unregisterMBean(name);
        load.close();
    }

    @Override
    public List<String> getAdapters() {
        return faults.adapters();
    }

    @Override
    public List<String> getPaths() {
        return faults.paths();
    }

    @Override
    public List<String> getFaults() {
        return faults.faults().stream().map(SimulatorBean::describe).toList();
    }

    private static String describe(Fault fault) {
        String text = fault.scope() + " " + fault.name() + " " + fault.kind();
        return fault.kind() == Fault.Kind.SLOW ? text + " x" + fault.factor() : text;
    }

    @Override
    public void readLoad(String team, int seconds) {
        load.start(teams.team(team).orElseThrow(() -> new IllegalArgumentException("no team " + team)), seconds);
    }

    @Override
    public void stopLoad() {
        load.stop();
    }

    @Override
    public void cutPath(String pathId) {
        faults.inject(Fault.cut(Fault.Scope.PATH, pathId));
    }

    @Override
    public void cutAdapter(String adapter) {
        faults.inject(Fault.cut(Fault.Scope.ADAPTER, adapter));
    }

    @Override
    public void blackHolePath(String pathId) {
        faults.inject(Fault.blackHole(Fault.Scope.PATH, pathId));
    }

    @Override
    public void slowPath(String pathId, double factor) {
        faults.inject(Fault.slow(Fault.Scope.PATH, pathId, factor));
    }

    @Override
    public void restorePath(String pathId) {
        faults.restore(Fault.Scope.PATH, pathId);
    }

    @Override
    public void restoreAdapter(String adapter) {
        faults.restore(Fault.Scope.ADAPTER, adapter);
    }
}
