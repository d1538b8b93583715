package org.hbateam.shell.internal.commands;

import java.util.Map;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hbateam.api.team.Team;
import org.hbateam.shell.internal.completers.PolicyNameCompleter;
import org.hbateam.shell.internal.completers.TeamNameCompleter;
import org.hbateam.shell.internal.config.PolicyCatalog;
import org.hbateam.shell.internal.config.RegisteredPolicies;
import org.hbateam.shell.internal.config.TeamConfigurations;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/** {@code hbateam:policy <team> <policy>}: sets the team's balancing policy in its configuration; it applies live. */
@Command(scope = "hbateam", name = "policy", description = "Sets a team's balancing policy (key 'policy' of its org.hbateam.team configuration); applies live")
@Service
public class PolicyCommand extends HbaTeamCommandSupport {

    @Reference
    ConfigurationAdmin configAdmin;

    @Reference
    BundleContext bundleContext;

    @Argument(index = 0, name = "team", description = "The team to change", required = true)
    @Completion(TeamNameCompleter.class)
    String teamName;

    @Argument(index = 1, name = "policy", description = "The balancing policy: static, dynamic, round-robin, least-queue-depth, service-time", required = true)
    @Completion(PolicyNameCompleter.class)
    String policy;

    @Override
    protected Object doExecute() throws Exception {
        Team team = requireTeam(teamName);
        PolicyCatalog catalog = new PolicyCatalog(new RegisteredPolicies(bundleContext));
        catalog.check(policy);
        String pid = new TeamConfigurations(configAdmin).update(team.luIdentity(), team.name(), Map.of("policy", policy));
        System.out.println("team " + team.name() + ": policy set to " + policy + " (" + pid + ")");
        if (!catalog.isInstalled(policy)) {
            System.out.println("no balancer of policy " + policy + " is installed now: the team routes failover-only until one is");
        }
        return null;
    }
}
