package org.hbateam.driver.sim.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hbateam.driver.sim.Fault;
import org.hbateam.driver.sim.SimulatedFaults;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/** The fault-injection service: finds the adapter or path by name and puts the fault on it. */
@Component(service = SimulatedFaults.class, configurationPolicy = ConfigurationPolicy.IGNORE)
public final class SimFaultsComponent implements SimulatedFaults {
    private final SimRegistry registry;

    @Activate
    public SimFaultsComponent(@Reference(name = "registry") SimRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void cutAdapter(String adapter) {
        adapter(adapter).setFault(FaultState.of(Fault.Kind.CUT), "adapter " + adapter + " cut");
    }

    @Override
    public void cutPath(String pathId) {
        path(pathId).setFault(FaultState.of(Fault.Kind.CUT), "path cut");
    }

    @Override
    public void blackHoleAdapter(String adapter) {
        adapter(adapter).setFault(FaultState.of(Fault.Kind.BLACK_HOLE), "adapter " + adapter + " black-holed");
    }

    @Override
    public void blackHolePath(String pathId) {
        path(pathId).setFault(FaultState.of(Fault.Kind.BLACK_HOLE), "path black-holed");
    }

    @Override
    public void slowAdapter(String adapter, double factor) {
        FaultState slow = FaultState.slow(factor);
        adapter(adapter).setFault(slow, "adapter " + adapter + " slowed " + factor + "x");
    }

    @Override
    public void slowPath(String pathId, double factor) {
        FaultState slow = FaultState.slow(factor);
        path(pathId).setFault(slow, "path slowed " + factor + "x");
    }

    @Override
    public void restoreAdapter(String adapter) {
        adapter(adapter).setFault(FaultState.NONE, "adapter " + adapter + " restored");
    }

    @Override
    public void restorePath(String pathId) {
        path(pathId).setFault(FaultState.NONE, "path restored");
    }

    @Override
    public List<Fault> faults() {
        List<Fault> faults = new ArrayList<>();
        registry.adapters().stream().sorted(Comparator.comparing(SimAdapter::name))
                .map(a -> a.fault().describe(Fault.Scope.ADAPTER, a.name()))
                .filter(f -> f != null).forEach(faults::add);
        registry.paths().stream().sorted(Comparator.comparing(SimPath::id))
                .map(p -> p.ownFault().describe(Fault.Scope.PATH, p.id()))
                .filter(f -> f != null).forEach(faults::add);
        return faults;
    }

    @Override
    public List<String> adapters() {
        return registry.adapters().stream().map(SimAdapter::name).sorted().toList();
    }

    @Override
    public List<String> paths() {
        return registry.paths().stream().map(SimPath::id).sorted().toList();
    }

    private SimAdapter adapter(String name) {
        SimAdapter adapter = registry.adapter(name);
        if (adapter == null) {
            throw new IllegalArgumentException("unknown simulated adapter '" + name + "'; known: " + adapters());
        }
        return adapter;
    }

    private SimPath path(String id) {
        SimPath path = registry.path(id);
        if (path == null) {
            throw new IllegalArgumentException("unknown simulated path '" + id + "'; known: " + paths());
        }
        return path;
    }
}
