package org.hbateam.shell.internal.commands;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.hbateam.failover.admin.FailoverAdmin;
import org.hbateam.shell.internal.completers.PathIdCompleter;
import org.hbateam.shell.internal.completers.TeamNameCompleter;

/** The arguments and service shared by the commands that act on one path of one team. */
public abstract class PathCommandSupport extends HbaTeamCommandSupport {

    @Reference
    FailoverAdmin admin;

    @Argument(index = 0, name = "team", description = "The team the path belongs to", required = true)
    @Completion(TeamNameCompleter.class)
    String teamName;

    @Argument(index = 1, name = "path", description = "The path id, as hbateam:paths lists it", required = true)
    @Completion(PathIdCompleter.class)
    String path;
}
