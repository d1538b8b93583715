package org.hbateam.shell.sim.internal.commands;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hbateam.driver.sim.Fault;
import org.hbateam.driver.sim.SimulatedFaults;

/** {@code hbateam:sim-faults}: the faults in force on the simulated adapters and paths. */
@Command(scope = "hbateam", name = "sim-faults", description = "Lists the faults in force on the simulated adapters and paths")
@Service
public class SimFaultsCommand implements Action {

    @Reference
    SimulatedFaults faults;

    @Option(name = "--no-format", description = "Print plain tab-separated rows, without borders or header, for scripts")
    boolean noFormat;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable().emptyTableText("no faults");
        table.column("Scope");
        table.column("Adapter or path");
        table.column("Fault");
        table.column("Factor").alignRight();
        for (Fault fault : faults.faults()) {
            table.addRow().addContent(fault.scope(), fault.name(), fault.kind(), fault.factor());
        }
        table.print(System.out, !noFormat);
        return null;
    }
}
