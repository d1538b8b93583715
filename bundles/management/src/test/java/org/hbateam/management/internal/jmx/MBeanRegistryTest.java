package org.hbateam.management.internal.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

import org.hbateam.api.path.PathState;
import org.junit.jupiter.api.Test;

class MBeanRegistryTest {
    private static final String P0 = "sim:hba0:iqn.t:0";
    private static final String P1 = "sim:hba1:iqn.t:0";

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final FakeAdmin admin = new FakeAdmin();
    private final FakeTeams teams = new FakeTeams();
    private final MBeanRegistry registry = new MBeanRegistry(server, new TeamLookup(admin, teams));

    @Test
    void registersOneMBeanPerTeamAndPathAndDropsThoseThatAreGone() throws Exception {
        admin.statuses = List.of(FakeAdmin.team("default", FakeAdmin.path(P0, true), FakeAdmin.path(P1, true)));
        registry.refresh();
        assertEquals(Set.of(ObjectNames.team("default"), ObjectNames.path("default", P0), ObjectNames.path("default", P1)),
                registry.registeredNames(), "a team MBean and one per path");
        assertTrue(server.isRegistered(new ObjectName("org.hbateam:type=Team,name=default")), "the documented team name");

        admin.statuses = List.of(FakeAdmin.team("default", FakeAdmin.path(P0, true)));
        registry.refresh();
        assertTrue(!server.isRegistered(ObjectNames.path("default", P1)), "the MBean of a path that left is unregistered");

        registry.clear();
        assertEquals(0, server.queryNames(new ObjectName("org.hbateam:*"), null).size(), "clear leaves no hbateam MBean");
    }

    @Test
    void attributesAreLiveAndOperationsReachTheFailoverService() throws Exception {
        admin.statuses = List.of(FakeAdmin.team("default", FakeAdmin.path(P0, true), FakeAdmin.path(P1, false)));
        teams.paths = Map.of("default", List.of(FakeTeams.info(P0, PathState.UP, 100, 50, 100), FakeTeams.info(P1, PathState.DOWN, 7, 3, 0)));
        registry.refresh();
        ObjectName team = ObjectNames.team("default");
        assertEquals(1, server.getAttribute(team, "UsablePaths"), "one usable path of two");
        assertEquals(107L, server.getAttribute(team, "BytesRead"), "bytes read summed over the paths");
        assertEquals("DOWN", server.getAttribute(ObjectNames.path("default", P1), "State"), "the held-out path shows DOWN");
        assertEquals(100.0, server.getAttribute(ObjectNames.path("default", P0), "ReadShare"), "the share of the carrying path");

        server.invoke(team, "failPath", new Object[] {P0}, new String[] {String.class.getName()});
        server.invoke(ObjectNames.path("default", P1), "reinstate", new Object[0], new String[0]);
        server.invoke(team, "resetCounters", new Object[0], new String[0]);
        assertEquals(List.of("fail default " + P0, "reinstate default " + P1, "reset default"), admin.calls,
                "each JMX operation calls the failover admin once, for the right team and path");
        registry.clear();
    }
}
