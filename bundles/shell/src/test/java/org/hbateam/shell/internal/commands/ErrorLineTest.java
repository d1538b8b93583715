package org.hbateam.shell.internal.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.hbateam.api.team.Team;
import org.hbateam.api.team.TeamService;
import org.junit.jupiter.api.Test;

class ErrorLineTest {
    @Test
    void aMultiLineMessageBecomesOneRedLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HbaTeamCommandSupport.printError(new PrintStream(bytes, true, StandardCharsets.UTF_8), "bad\nvalue");
        assertEquals("\u001B[31mError: bad value\u001B[0m" + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8),
                "one red line, prefixed Error:");
    }

    @Test
    void anUnknownTeamIsReportedNotThrown() throws Exception {
        TeamCommand command = new TeamCommand();
        command.teamService = new NoTeams();
        command.teamName = "nosuch";
        PrintStream out = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            assertNull(command.execute(), "the command returns normally");
        } finally {
            System.setOut(out);
        }
        assertEquals("\u001B[31mError: no team named 'nosuch'; teams: (none)\u001B[0m" + System.lineSeparator(),
                bytes.toString(StandardCharsets.UTF_8), "the unknown team and the known ones on one line");
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
