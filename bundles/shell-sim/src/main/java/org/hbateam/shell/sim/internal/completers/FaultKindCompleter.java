package org.hbateam.shell.sim.internal.completers;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the fault kinds of hbateam:sim-fault. */
@Service
public class FaultKindCompleter implements Completer {
    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(List.of("cut", "blackhole", "slow", "restore")).complete(session, commandLine, candidates);
    }
}
