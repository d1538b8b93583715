package org.hbateam.failover.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.hbateam.api.scsi.ScsiResult;
import org.hbateam.api.team.Team;
import org.hbateam.failover.admin.ConfigurationProblem;
import org.hbateam.failover.internal.config.Configs;
import org.hbateam.failover.internal.config.FailoverConfiguration;
import org.hbateam.failover.internal.config.FailoverSettings;
import org.hbateam.failover.internal.team.FakePath;
import org.hbateam.failover.internal.team.Fixture;
import org.hbateam.failover.internal.team.TeamImpl;
import org.junit.jupiter.api.Test;

class FailoverServiceTest {
    /** True if a sweeper thread is still alive after being given a moment to finish exiting. */
    private static boolean sweeperAlive() throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("hbateam-failover-sweeper")) {
                t.join(5000);
                if (t.isAlive()) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void theComponentFormsTeamsAndLeavesNothingBehind() throws Exception {
        FailoverService service = new FailoverService(Configs.of(FailoverConfiguration.class, Map.of()), Map.of());
        FakePath p = new FakePath("p", "hba0", "lu");
        service.bindDataPath(p, p.properties());
        Team team = service.team("lu").orElseThrow(() -> new AssertionError("the team formed"));
        assertEquals(ScsiResult.GOOD, team.execute(Fixture.write(512)), "commands flow");
        p.mode = FakePath.Mode.HOLD;
        CompletableFuture<ScsiResult> inFlight = team.submit(Fixture.write(512)).toCompletableFuture();
        service.deactivate();
        assertTrue(inFlight.isCompletedExceptionally(), "deactivation failed the in-flight command cleanly");
        assertFalse(sweeperAlive(), "the sweeper thread is gone");
        assertTrue(p.listeners.isEmpty(), "no state listener is left on the path");
        service.unbindDataPath(p);
        assertTrue(service.teams().isEmpty(), "no team is left");
    }

    @Test
    void aBadGlobalConfigurationKeepsThePreviousSettings() {
        FailoverService service = new FailoverService(Configs.of(FailoverConfiguration.class, Map.of("noPathRetryMs", 777L)), Map.of());
        try {
            FakePath p = new FakePath("p", "hba0", "lu");
            service.bindDataPath(p, p.properties());
            service.modified(Configs.of(FailoverConfiguration.class, Map.of("noPathRetryMs", -5L)), Map.of());
            TeamImpl team = (TeamImpl) service.team("lu").orElseThrow();
            assertEquals(777L, team.noPathRetryMs(), "the rejected value did not replace the previous one");
        } finally {
            service.deactivate();
        }
    }

    @Test
    void aBadGlobalConfigurationIsReportedAndAGoodOneClearsTheReport() {
        FailoverService service = new FailoverService(Configs.of(FailoverConfiguration.class, Map.of("noPathRetryMs", 777L)), Map.of());
        try {
            assertEquals(List.of(), service.configurationProblems(), "a good configuration has no problem");
            service.modified(Configs.of(FailoverConfiguration.class, Map.of("noPathRetryMs", -5L)), Map.of());
            ConfigurationProblem problem = service.configurationProblems().get(0);
            assertEquals("noPathRetryMs", problem.key(), "the bad key is named");
            assertEquals("the last good settings", problem.inForce(), "the last good settings stay, and it says so");
            service.modified(Configs.of(FailoverConfiguration.class, Map.of("noPathRetryMs", 900L)), Map.of());
            assertEquals(List.of(), service.configurationProblems(), "the fix clears the report");
        } finally {
            service.deactivate();
        }
    }

    @Test
    void aBadGlobalConfigurationAtBootRunsTheDeclaredDefaultsVisibly() {
        FailoverService service = new FailoverService(Configs.of(FailoverConfiguration.class, Map.of("failback", "immediatly")), Map.of());
        try {
            FakePath p = new FakePath("p", "hba0", "lu");
            service.bindDataPath(p, p.properties());
            TeamImpl team = (TeamImpl) service.team("lu").orElseThrow();
            assertEquals(FailoverSettings.defaults().noPathRetryMs(), team.noPathRetryMs(), "the declared defaults run");
            assertEquals(List.of(new ConfigurationProblem(FailoverSettings.PID, "failback",
                    "org.hbateam.failover: key 'failback' rejected: 'immediatly' is not one of immediate, manual, stable", "",
                    "the declared defaults (no good configuration yet)")), service.configurationProblems(),
                    "the problem names the key and says the defaults run, never 'the previous settings'");
        } finally {
            service.deactivate();
        }
    }

    private static Map<String, Object> policy(String name) {
        return Map.of(org.hbateam.api.balancer.BalancerFactory.POLICY, name);
    }

    @Test
    void theDefaultBalancerFollowsTheDefaultPolicyInEitherOrderOfBindAndModified() {
        FailoverService service = new FailoverService(Configs.of(FailoverConfiguration.class, Map.of()), Map.of());
        try {
            FakePath p = new FakePath("p", "hba0", "lu");
            service.bindDataPath(p, p.properties());
            Team team = service.team("lu").orElseThrow();
            org.hbateam.api.balancer.BalancerFactory staticFactory = Fixture.tinyStatic();
            org.hbateam.api.balancer.BalancerFactory dynamicFactory = Fixture.tinyStatic();
            service.bindBalancer(staticFactory, policy("static"));
            assertEquals("static", team.policy(), "the static factory serves the default policy");
            // DS re-targets the reference (bind new, then unbind old) before it calls modified.
            service.bindBalancer(dynamicFactory, policy("dynamic"));
            service.unbindBalancer(staticFactory);
            assertEquals("failover-only", team.policy(), "a dynamic factory is not used while the policy is static");
            service.modified(Configs.of(FailoverConfiguration.class, Map.of("defaultPolicy", "dynamic")), Map.of());
            assertEquals("dynamic", team.policy(), "once the policy is dynamic the bound dynamic factory is used");
            service.unbindBalancer(dynamicFactory);
            assertEquals("failover-only", team.policy(), "without a factory the team routes failover-only");
        } finally {
            service.deactivate();
        }
    }

    @Test
    void aPolicyChangeWritesTheTargetFilterOnce() {
        java.util.Hashtable<String, Object> stored = new java.util.Hashtable<>(Map.of("service.pid", "org.hbateam.failover",
                "defaultPolicy", "dynamic"));
        java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
        org.osgi.service.cm.Configuration configuration = proxy(org.osgi.service.cm.Configuration.class, (m, a) -> switch (m) {
            case "getProperties" -> new java.util.Hashtable<>(stored);
            case "updateIfDifferent" -> {
                writes.incrementAndGet();
                stored.putAll((java.util.Dictionary<String, Object>) a[0] instanceof java.util.Hashtable<?, ?> h
                        ? (Map<String, Object>) h : Map.of());
                yield true;
            }
            default -> null;
        });
        org.osgi.service.cm.ConfigurationAdmin admin = proxy(org.osgi.service.cm.ConfigurationAdmin.class,
                (m, a) -> m.equals("listConfigurations") ? new org.osgi.service.cm.Configuration[] {configuration} : null);
        PolicyTargetWriter.ensureTarget(admin, Map.copyOf(stored), "dynamic");
        assertEquals("(hbateam.policy=dynamic)", stored.get("balancer.target"), "the target filter now selects the policy");
        PolicyTargetWriter.ensureTarget(admin, Map.copyOf(stored), "dynamic");
        assertEquals(1, writes.get(), "a configuration that already selects the policy is not written again");
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
        return (T) java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> answer.apply(method.getName(), args));
    }
}
