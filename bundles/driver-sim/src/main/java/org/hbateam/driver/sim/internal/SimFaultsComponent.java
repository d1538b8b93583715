package org.hbateam.driver.sim.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hbateam.driver.sim.Fault;
import org.hbateam.driver.sim.SimulatedFaults;
import org.hbateam.driver.sim.internal.model.FaultState;
import org.hbateam.driver.sim.internal.model.SimAdapter;
import org.hbateam.driver.sim.internal.model.SimPath;
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
    public void inject(Fault fault) {
        setFault(fault.scope(), fault.name(), FaultState.of(fault), describe(fault));
    }

    @Override
    public void restore(Fault.Scope scope, String name) {
        setFault(scope, name, FaultState.NONE, "restored");
    }

    /** The reason the paths' state listeners are told, such as "adapter hba0 cut" or "path slowed 2.0x". */
    private void setFault(Fault.Scope scope, String name, FaultState fault, String what) {
        if (scope == Fault.Scope.ADAPTER) {
            adapter(name).setFault(fault, "adapter " + name + " " + what);
        } else {
            path(name).setFault(fault, "path " + what);
        }
    }

    private static String describe(Fault fault) {
        return switch (fault.kind()) {
            case CUT -> "cut";
            case BLACK_HOLE -> "black-holed";
            case SLOW -> "slowed " + fault.factor() + "x";
        };
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
