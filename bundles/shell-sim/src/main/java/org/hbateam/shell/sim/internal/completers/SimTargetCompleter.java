package org.hbateam.shell.sim.internal.completers;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.hbateam.driver.sim.SimulatedFaults;

/** Completes the simulated adapters' names and the simulated paths' ids. */
@Service
public class SimTargetCompleter implements Completer {
    @Reference
    private SimulatedFaults faults;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        names.getStrings().addAll(faults.adapters());
        names.getStrings().addAll(faults.paths());
        return names.complete(session, commandLine, candidates);
    }
}
