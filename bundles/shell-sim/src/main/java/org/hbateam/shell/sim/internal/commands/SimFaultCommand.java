package org.hbateam.shell.sim.internal.commands;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hbateam.driver.sim.Fault;
import org.hbateam.driver.sim.SimulatedFaults;
import org.hbateam.shell.sim.internal.completers.FaultKindCompleter;
import org.hbateam.shell.sim.internal.completers.SimTargetCompleter;

/** {@code hbateam:sim-fault <cut|blackhole|slow|restore> <adapter-or-path> [factor]}: a fault on a simulated adapter or path. */
@Command(scope = "hbateam", name = "sim-fault",
        description = "Injects a fault into a simulated adapter or path: cut (link down), blackhole (never answers), slow (factor x service time), restore")
@Service
public class SimFaultCommand implements Action {
    @Reference
    SimulatedFaults faults;

    @Argument(index = 0, name = "kind", description = "cut, blackhole, slow or restore", required = true)
    @Completion(FaultKindCompleter.class)
    String kind;

    @Argument(index = 1, name = "adapter-or-path", description = "A simulated adapter name (hba0) or path id, as hbateam:paths lists it", required = true)
    @Completion(SimTargetCompleter.class)
    String target;

    @Argument(index = 2, name = "factor", description = "For slow: the service-time multiplier, at least 1 (default 10)", required = false)
    double factor = 10;

    /** A wrong kind or target throws, as Karaf's own commands do: the one-line message, and a non-zero exit status. */
    @Override
    public Object execute() {
        apply();
        System.out.println(kind.toLowerCase(Locale.ROOT) + " " + target + (isSlow() ? " x" + factor : "") + ": done");
        return null;
    }

    private boolean isSlow() {
        return "slow".equalsIgnoreCase(kind);
    }

    private void apply() {
        Fault.Scope scope = scopeOfTarget();
        switch (kind.toLowerCase(Locale.ROOT)) {
            case "cut" -> faults.inject(Fault.cut(scope, target));
            case "blackhole" -> faults.inject(Fault.blackHole(scope, target));
            case "slow" -> faults.inject(Fault.slow(scope, target, factor));
            case "restore" -> faults.restore(scope, target);
            default -> throw new IllegalArgumentException("unknown fault '" + kind + "'; use cut, blackhole, slow or restore");
        }
    }

    private Fault.Scope scopeOfTarget() {
        if (faults.adapters().contains(target)) {
            return Fault.Scope.ADAPTER;
        }
        if (faults.paths().contains(target)) {
            return Fault.Scope.PATH;
        }
        throw new IllegalArgumentException("no simulated adapter or path '" + target + "'; adapters: "
                + String.join(", ", faults.adapters()));
    }
}
