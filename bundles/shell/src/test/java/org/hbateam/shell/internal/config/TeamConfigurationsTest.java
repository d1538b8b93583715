package org.hbateam.shell.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TeamConfigurationsTest {
    @Test
    void filterCharactersInAnLuIdentityAreEscaped() {
        assertEquals("naa.6001\\*\\(x\\)\\\\", TeamConfigurations.escape("naa.6001*(x)\\"), "RFC 1960 reserved characters get a backslash");
    }

    @Test
    void aTeamNameBecomesASafeConfigurationName() {
        assertEquals("db_primary.1-a", TeamConfigurations.configName("db primary.1-a"), "only letters, digits, dot, dash, underscore");
    }
}
