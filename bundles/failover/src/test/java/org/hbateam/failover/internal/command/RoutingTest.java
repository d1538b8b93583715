package org.hbateam.failover.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.hbateam.api.balancer.Balancer;
import org.hbateam.api.balancer.BalancerFactory;
import org.hbateam.api.balancer.PathSet;
import org.hbateam.api.path.PathState;
import org.hbateam.api.scsi.Direction;
import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.failover.internal.config.Configs;
import org.hbateam.failover.internal.config.TeamConfiguration;
import org.hbateam.failover.internal.config.TeamSettings;
import org.hbateam.failover.internal.team.FakePath;
import org.hbateam.failover.internal.team.Fixture;
import org.hbateam.failover.internal.team.TeamImpl;
import org.junit.jupiter.api.Test;

class RoutingTest {
    private final Fixture f = new Fixture();

    private void submit(TeamImpl team, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            assertEquals(ScsiResult.GOOD, team.execute(Fixture.write(4096)), "every command completes GOOD");
        }
    }

    @Test
    void withoutBalancerThePrimaryCarriesEverythingThenTheNextInPriorityOrder() throws Exception {
        FakePath p1 = f.add(new FakePath("p1", "hba0", "lu"));
        FakePath p2 = f.add(new FakePath("p2", "hba1", "lu"));
        FakePath p3 = f.add(new FakePath("p3", "hba2", "lu"));
        TeamImpl team = f.team("lu");
        assertEquals("failover-only", team.policy(), "no balancer bound means failover-only");
        submit(team, 10);
        assertEquals(10, p1.submitted.get(), "the first path in priority order is the primary");
        p1.report(PathState.DOWN);
        submit(team, 10);
        assertEquals(10, p2.submitted.get(), "with the primary down, the next path in priority order carries all");
        assertEquals(0, p3.submitted.get(), "the third path stays quiescent");
    }

    @Test
    void aConfiguredPrimaryByAdapterIsPreferred() throws Exception {
        f.add(new FakePath("p1", "hba0", "lu"));
        FakePath p2 = f.add(new FakePath("p2", "hba1", "lu"));
        f.registry.applyTeamConfig("c", TeamSettings.from(Configs.of(TeamConfiguration.class,
                Map.of("luIdentity", "lu", "primary", "hba1", "mode", "failover-only"))));
        f.registry.teamBalancer("c", Fixture.tinyStatic(), "static");
        submit(f.team("lu"), 5);
        assertEquals(5, p2.submitted.get(), "failover-only mode sends everything to the configured primary");
        assertEquals("failover-only", f.team("lu").policy(), "mode failover-only reports failover-only");
    }

    @Test
    void aBoundBalancerSpreadsTheLoad() throws Exception {
        FakePath p1 = f.add(new FakePath("p1", "hba0", "lu"));
        FakePath p2 = f.add(new FakePath("p2", "hba1", "lu"));
        f.registry.defaultBalancer(Fixture.tinyStatic());
        assertEquals("static", f.team("lu").policy(), "the default policy is in force");
        submit(f.team("lu"), 20);
        assertEquals(10, p1.submitted.get(), "equal shares give p1 half");
        assertEquals(10, p2.submitted.get(), "equal shares give p2 half");
    }

    @Test
    void aPathWithAFullShareSwitchesTheTeamToFailoverMode() throws Exception {
        FakePath p1 = f.add(new FakePath("p1", "hba0", "lu"));
        FakePath p2 = f.add(new FakePath("p2", "hba1", "lu"));
        f.registry.applyTeamConfig("c", TeamSettings.from(Configs.of(TeamConfiguration.class,
                Map.of("luIdentity", "lu", "writeShares", new String[] {"p2=100", "p1=0"}))));
        f.registry.teamBalancer("c", Fixture.tinyStatic(), "static");
        submit(f.team("lu"), 6);
        assertEquals(6, p2.submitted.get(), "the path holding 100% is the primary");
        p2.report(PathState.DOWN);
        submit(f.team("lu"), 3);
        assertEquals(3, p1.submitted.get(), "and the other takes over when it fails, share 0 or not");
    }

    @Test
    void aBalancerThatThrowsIsTreatedAsAbsent() throws Exception {
        FakePath p1 = f.add(new FakePath("p1", "hba0", "lu"));
        f.add(new FakePath("p2", "hba1", "lu"));
        AtomicInteger calls = new AtomicInteger();
        BalancerFactory throwing = team -> new Balancer() {
            @Override
            public int select(PathSet paths, Direction direction, long bytes) {
                calls.incrementAndGet();
                throw new IllegalStateException("broken strategy");
            }

            @Override
            public double share(PathSet paths, int slot, Direction direction) {
                return 0;
            }

            @Override
            public String status() {
                return "broken";
            }
        };
        f.registry.defaultBalancer(throwing);
        submit(f.team("lu"), 5);
        assertEquals(1, calls.get(), "after the first throw the balancer is not asked again");
        assertEquals(5, p1.submitted.get(), "the team routed failover-only instead");
        assertEquals("failover-only", f.team("lu").policy(), "and reports it");
        f.registry.defaultBalancer(Fixture.tinyStatic());
        assertEquals("static", f.team("lu").policy(), "a newly bound balancer is used again");
    }

    @Test
    void aFactoryThatThrowsGivesFailoverOnly() throws Exception {
        FakePath p1 = f.add(new FakePath("p1", "hba0", "lu"));
        f.add(new FakePath("p2", "hba1", "lu"));
        f.registry.defaultBalancer(team -> {
            throw new IllegalStateException("cannot create");
        });
        submit(f.team("lu"), 3);
        assertEquals(3, p1.submitted.get(), "a team whose balancer cannot be created routes failover-only");
    }

    @Test
    void theBalancerIsToldOfMembershipChangesWithTheNewSet() {
        AtomicInteger changes = new AtomicInteger();
        AtomicInteger lastSize = new AtomicInteger();
        f.add(new FakePath("p1", "hba0", "lu"));
        f.registry.defaultBalancer(team -> new Fixture.TinyStaticBalancer() {
            @Override
            public void pathsChanged(PathSet paths) {
                changes.incrementAndGet();
                lastSize.set(paths.size());
            }
        });
        FakePath p2 = f.add(new FakePath("p2", "hba1", "lu"));
        assertEquals(2, lastSize.get(), "pathsChanged got the set with the new path");
        f.registry.removePath(p2);
        assertEquals(1, lastSize.get(), "pathsChanged got the set without the removed path");
        assertTrue(changes.get() >= 2, "one call per membership change");
    }

    @Test
    void theBalancerIsToldOfFailuresReinstatementsAndIo() throws Exception {
        FakePath p1 = f.add(new FakePath("p1", "hba0", "lu"));
        f.add(new FakePath("p2", "hba1", "lu"));
        java.util.List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        f.registry.defaultBalancer(new BalancerFactory() {
            @Override
            public Balancer create(org.hbateam.api.balancer.TeamView view) {
                return new Fixture.TinyStaticBalancer() {
                    @Override
                    public void started(PathSet paths, int slot, Direction direction, long bytes) {
                        calls.add("started " + slot + " " + bytes);
                    }

                    @Override
                    public void ended(PathSet paths, int slot, Direction direction, long bytes, long latencyNanos) {
                        calls.add("ended " + slot + " " + bytes);
                    }

                    @Override
                    public void pathFailed(PathSet paths, int slot) {
                        calls.add("failed " + slot);
                    }

                    @Override
                    public void pathReinstated(PathSet paths, int slot) {
                        calls.add("reinstated " + slot);
                    }

                    @Override
                    public void close() {
                        calls.add("close");
                    }
                };
            }
        });
        f.team("lu").execute(Fixture.write(4096));
        p1.report(PathState.DOWN);
        p1.report(PathState.UP);
        f.registry.defaultBalancer(null);
        assertEquals(java.util.List.of("started 0 4096", "ended 0 4096", "failed 0", "reinstated 0", "close"), calls,
                "the balancer saw the I/O, the failure, the reinstatement and its close, in order");
    }
}
