package org.hbateam.shell.internal.commands;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hbateam.api.team.Team;
import org.hbateam.shell.internal.completers.TeamNameCompleter;
import org.hbateam.shell.internal.config.SharesSpec;
import org.hbateam.shell.internal.config.TeamConfigurations;
import org.osgi.service.cm.ConfigurationAdmin;

/** {@code hbateam:shares <team> --read ... [--write ...]}: sets the team's configured shares; they apply live. */
@Command(scope = "hbateam", name = "shares", description = "Sets a team's read and/or write shares (keys readShares, writeShares of its org.hbateam.team configuration); applies live")
@Service
public class SharesCommand extends HbaTeamCommandSupport {

    @Reference
    ConfigurationAdmin configAdmin;

    @Argument(index = 0, name = "team", description = "The team to change", required = true)
    @Completion(TeamNameCompleter.class)
    String teamName;

    @Option(name = "--read", description = "Read shares: adapterOrPathId=percent entries summing to 100, e.g. hba0=70,hba1=30")
    String read;

    @Option(name = "--write", description = "Write shares: adapterOrPathId=percent entries summing to 100, e.g. hba0=50,hba1=50")
    String write;

    @Override
    protected Object doExecute() throws Exception {
        Team team = requireTeam(teamName);
        if (read == null && write == null) {
            throw new IllegalArgumentException("give --read and/or --write, e.g. --read hba0=70,hba1=30");
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        if (read != null) {
            changes.put("readShares", SharesSpec.parse("readShares", read));
        }
        if (write != null) {
            changes.put("writeShares", SharesSpec.parse("writeShares", write));
        }
        String pid = new TeamConfigurations(configAdmin).update(team.luIdentity(), team.name(), changes);
        System.out.println("team " + team.name() + ": " + String.join(" and ", changes.keySet()) + " set (" + pid + ")");
        return null;
    }
}
