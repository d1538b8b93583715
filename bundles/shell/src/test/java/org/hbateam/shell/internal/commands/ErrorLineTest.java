package org.hbateam.shell.internal.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.hbateam.api.team.Team;
import org.hbateam.api.team.TeamService;
import org.junit.jupiter.api.Test;

class ErrorLineTest {
    @Test
    void aMultiLineMessageBecomesOneLine() {
        assertEquals("bad value", new CommandFailedException("bad\nvalue").getMessage(), "one line, as Karaf prints it");
    }

    @Test
    void anUnknownTeamFailsTheCommandSoScriptsSeeIt() {
        TeamCommand command = new TeamCommand();
        command.teamService = new NoTeams();
        command.teamName = "nosuch";
        CommandFailedException failure = assertThrows(CommandFailedException.class, command::execute,
                "an unknown team must fail the command, so bin/client -b exits non-zero");
        assertEquals("no team named 'nosuch'; teams: (none)", failure.getMessage(), "the unknown team and the known ones");
    }

    private static final class NoTeams implements TeamService {
        @Override
        public List<Team> teams() {
            return List.of();
        }

        @Override
        public Optional<Team> team(String name) {
            return Optional.empty();
        }
    }
}
