package org.hbateam.management.internal.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

class ObjectNamesTest {
    @Test
    void aPlainTeamNameStaysReadableAndAPathIdIsQuoted() throws Exception {
        assertEquals(new ObjectName("org.hbateam:type=Team,name=default"), ObjectNames.team("default"), "a plain team name is not quoted");
        assertEquals("sim:hba0:iqn.x,y:0", ObjectName.unquote(ObjectNames.path("default", "sim:hba0:iqn.x,y:0").getKeyProperty("path")),
                "the path id survives quoting, colons and commas included");
        assertEquals("a,b", ObjectName.unquote(ObjectNames.team("a,b").getKeyProperty("name")), "a team name with a comma is quoted");
    }
}
