package org.hbateam.itests.felix;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.options;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

@RunWith(PaxExam.class)
public class ApiBundleIT extends FelixTestSupport {
    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return options(runtime(), fromProperty("bundle.api"));
    }

    @Test
    public void apiBundleResolvesAndExportsItsPackages() {
        Bundle api = FrameworkUtil.getBundle(org.hbateam.api.team.Team.class);
        assertEquals("the API bundle should be active", Bundle.ACTIVE, api.getState());
        assertEquals("org.hbateam.api", api.getSymbolicName());
    }
}
