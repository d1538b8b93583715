package org.hbateam.itests.felix;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import javax.inject.Inject;

import org.hbateam.api.balancer.BalancerFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * The five balancer bundles in a real framework: each resolves with only the API, registers its factory
 * under its policy name, the dynamic balancer publishes its metatype under its PID, and stopping the dynamic
 * bundle ends its timer thread.
 */
@RunWith(PaxExam.class)
public class BalancerBundlesIT extends FelixTestSupport {
    private static final String TIMER_THREAD = "hbateam-dynamic-balancer";

    @Inject
    private BundleContext context;

    @Inject
    private MetaTypeService metaType;

    @Configuration
    public Option[] config() {
        return options(runtime(), fromProperty("bundle.api"),
                fromProperty("bundle.balancer.static"), fromProperty("bundle.balancer.dynamic"),
                fromProperty("bundle.balancer.round-robin"), fromProperty("bundle.balancer.least-queue-depth"),
                fromProperty("bundle.balancer.service-time"));
    }

    @Test
    public void everyPolicyIsRegisteredAndTheDynamicTimerStopsWithItsBundle() throws Exception {
        Set<String> all = new TreeSet<>(Arrays.asList("dynamic", "least-queue-depth", "round-robin", "service-time", "static"));
        eventually(() -> policies().equals(all));
        assertEquals("each balancer bundle should register its factory under its policy", all, policies());

        Bundle dynamic = bundle("org.hbateam.balancer.dynamic");
        MetaTypeInformation information = metaType.getMetaTypeInformation(dynamic);
        ObjectClassDefinition definition = information.getObjectClassDefinition("org.hbateam.balancer.dynamic", null);
        assertNotNull("the dynamic parameters should be described by metatype under their PID", definition);
        assertEquals("the patent's three parameters and the mode's three", 6,
                definition.getAttributeDefinitions(ObjectClassDefinition.ALL).length);
        ServiceReference<BalancerFactory> reference = context.getServiceReferences(BalancerFactory.class,
                "(" + BalancerFactory.POLICY + "=dynamic)").iterator().next();
        assertNotNull("getting the (delayed) dynamic factory activates it", context.getService(reference));
        assertTrue("the dynamic balancer's timer should run while it is active", timerThreadAlive());

        dynamic.stop();
        assertFalse("stopping the dynamic bundle should end its timer thread", timerThreadAlive());
        assertFalse("the dynamic policy should be gone", policies().contains("dynamic"));
        dynamic.start();
        assertTrue("the dynamic policy should come back with its bundle", eventually(() -> policies().contains("dynamic")));
    }

    /** Waits (up to 10 s, SCR registers components on its own thread) until {@code condition} holds. */
    private static boolean eventually(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private Set<String> policies() throws Exception {
        Set<String> policies = new TreeSet<>();
        for (ServiceReference<BalancerFactory> reference : context.getServiceReferences(BalancerFactory.class, null)) {
            policies.add((String) reference.getProperty(BalancerFactory.POLICY));
        }
        return policies;
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("bundle " + symbolicName + " is not installed");
    }

    private static boolean timerThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals(TIMER_THREAD) && thread.isAlive());
    }
}
