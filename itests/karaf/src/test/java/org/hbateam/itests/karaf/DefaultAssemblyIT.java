package org.hbateam.itests.karaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A fresh start of the built assembly shows the default simulated team: one LU, two paths, two adapters. */
class DefaultAssemblyIT {
    private static KarafInstance karaf;

    @BeforeAll
    static void start() throws Exception {
        karaf = KarafInstance.start("default-assembly");
    }

    @AfterAll
    static void stop() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    void pathsListsTheTwoDefaultSimulatedPaths() throws Exception {
        List<String> rows = rows(karaf.execute("hbateam:paths --no-format"));
        assertEquals(2, rows.size(), "two default paths expected, got: " + rows);
        assertTrue(rows.stream().anyMatch(r -> r.contains("hba0")), "a path over adapter hba0: " + rows);
        assertTrue(rows.stream().anyMatch(r -> r.contains("hba1")), "a path over adapter hba1: " + rows);
        assertTrue(rows.stream().allMatch(r -> r.contains("UP")), "both paths up: " + rows);
    }

    @Test
    void teamsListsOneTeamWithBothPathsUsable() throws Exception {
        List<String> rows = rows(karaf.execute("hbateam:teams --no-format"));
        assertEquals(1, rows.size(), "one default team expected, got: " + rows);
        String[] cells = rows.get(0).split("\t");
        assertEquals("default", cells[0].trim(), "the team's configured name: " + rows.get(0));
        assertEquals("static", cells[2].trim(), "the configured policy, bound from the static balancer bundle: " + rows.get(0));
        assertEquals("2", cells[3].trim(), "the team should have 2 paths: " + rows.get(0));
        assertEquals("2", cells[4].trim(), "both paths should be usable: " + rows.get(0));
        assertEquals("ok", cells[5].trim(), "the shipped configuration is accepted: " + rows.get(0));
    }

    /** The rows of a --no-format table, which prints no header: one line per row, cells separated by tabs. */
    static List<String> rows(String output) {
        return Arrays.stream(output.split("\\R")).filter(l -> !l.isBlank()).toList();
    }
}
