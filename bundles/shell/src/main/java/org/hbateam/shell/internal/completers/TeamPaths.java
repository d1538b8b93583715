package org.hbateam.shell.internal.completers;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.console.CommandLine;
import org.hbateam.api.team.PathInfo;
import org.hbateam.api.team.Team;
import org.hbateam.api.team.TeamService;

/** The paths a path completer offers: the named team's, or every team's when no word names a team. */
final class TeamPaths {
    private TeamPaths() {
    }

    static List<PathInfo> of(TeamService teams, CommandLine commandLine) {
        Optional<Team> named = Arrays.stream(commandLine.getArguments())
                .map(teams::team).flatMap(Optional::stream).findFirst();
        return named.map(Team::paths)
                .orElseGet(() -> teams.teams().stream().flatMap(t -> t.paths().stream()).toList());
    }
}
