package org.hbateam.shell.internal.completers;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.hbateam.shell.internal.config.PolicyCatalog;
import org.hbateam.shell.internal.config.RegisteredPolicies;
import org.osgi.framework.BundleContext;

/** Completes balancer policy names: the registered BalancerFactory policies and the standard ones. */
@Service
public class PolicyNameCompleter implements Completer {
    @Reference
    private BundleContext bundleContext;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        PolicyCatalog catalog = new PolicyCatalog(new RegisteredPolicies(bundleContext));
        return new StringsCompleter(catalog.names()).complete(session, commandLine, candidates);
    }
}
