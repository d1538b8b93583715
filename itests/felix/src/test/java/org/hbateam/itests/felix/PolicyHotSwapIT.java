package org.hbateam.itests.felix;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.Dictionary;
import java.util.Hashtable;

import javax.inject.Inject;

import org.hbateam.api.team.Team;
import org.hbateam.test.workload.VerifyingLoad;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Swaps the balancing strategy of a loaded team through Config Admin, and stops and restarts the bundle of
 * the strategy in use: no command fails, no completion is lost, every byte reads back right.
 */
@RunWith(PaxExam.class)
public class PolicyHotSwapIT extends FelixTestSupport {
    @Inject
    private BundleContext context;
    @Inject
    private ConfigurationAdmin configAdmin;

    private SimulatedTeam bed;
    private VerifyingLoad workload;

    @Configuration
    public Option[] config() {
        return options(runtime(), fromProperty("bundle.api"), fromProperty("bundle.sim"), fromProperty("bundle.failover"),
                fromProperty("bundle.test.support"),
                fromProperty("bundle.balancer.static"), fromProperty("bundle.balancer.dynamic"),
                fromProperty("bundle.balancer.round-robin"), fromProperty("bundle.balancer.least-queue-depth"),
                fromProperty("bundle.balancer.service-time"));
    }

    @After
    public void cleanUp() throws Exception {
        if (workload != null) {
            workload.stop();
        }
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    public void swappingPoliciesAndStoppingTheBalancerBundleUnderLoadFailsNothing() throws Exception {
        bed = new SimulatedTeam(context, configAdmin).adapter("hba0", 400).adapter("hba1", 400).lun(64, "hba0", "hba1");
        org.osgi.service.cm.Configuration teamConfig = configAdmin.createFactoryConfiguration("org.hbateam.team", "?");
        teamConfig.update(teamProperties("static"));
        Team team = bed.awaitTeam(2);
        awaitPolicy(team, "static");

        workload = new VerifyingLoad(team, 0, 4, 512, 16, 40);
        workload.start();
        workload.awaitMore(300, 20_000);
        for (String policy : new String[] {"dynamic", "round-robin", "service-time"}) {
            teamConfig.update(teamProperties(policy));
            awaitPolicy(team, policy);
            workload.awaitMore(300, 20_000);
        }

        teamConfig.update(teamProperties("dynamic"));
        awaitPolicy(team, "dynamic");
        Bundle dynamic = bundle("org.hbateam.balancer.dynamic");
        dynamic.stop();
        awaitPolicy(team, "failover-only");
        workload.awaitMore(300, 20_000);
        dynamic.start();
        awaitPolicy(team, "dynamic");
        workload.awaitMore(300, 20_000);
        workload.stop();

        assertEquals("no command may fail while strategies change: " + workload.summary(), 0, workload.failed());
        assertEquals("every issued command completes exactly once: " + workload.summary(),
                workload.issued(), workload.completed());
        assertTrue("nothing may go wrong: " + workload.summary(), workload.problems().isEmpty());
        assertTrue("both paths carry I/O under balancing",
                team.paths().stream().allMatch(p -> p.bytesWritten() + p.bytesRead() > 0));
        assertEquals("every block reads back as last written", 0, workload.verify(team::read, "the team"));
        teamConfig.delete();
    }

    private static Dictionary<String, Object> teamProperties(String policy) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("luIdentity", SimulatedTeam.LU_IDENTITY);
        properties.put("name", "swap");
        properties.put("policy", policy);
        return properties;
    }

    private static void awaitPolicy(Team team, String policy) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!team.policy().equals(policy) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals("the team should route with the " + policy + " policy", policy, team.policy());
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getSymbolicName().equals(symbolicName)) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }
}
