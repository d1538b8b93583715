package org.hbateam.itests.felix;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;

import org.ops4j.pax.exam.Option;

/**
 * The runtime every plain-Felix test starts from: SCR, Config Admin, Metatype and EventAdmin at the
 * versions Karaf 4.4.10 ships, slf4j, and the hbateam bundles, each installed from the file path Maven
 * resolved (pax-url cannot see reactor artifacts that are not installed).
 */
public abstract class FelixTestSupport {

    protected static Option runtime() {
        return composite(
                junitBundles(),
                systemProperty("org.slf4j.simpleLogger.defaultLogLevel").value("info"),
                fromProperty("bundle.slf4j.api"),
                fromProperty("bundle.slf4j.simple").noStart(),
                fromProperty("bundle.function"),
                fromProperty("bundle.promise"),
                fromProperty("bundle.component"),
                fromProperty("bundle.configadmin"),
                fromProperty("bundle.metatype"),
                fromProperty("bundle.eventadmin"),
                fromProperty("bundle.scr"));
    }

    /** A bundle whose jar path Maven passed in the system property {@code key}. */
    protected static org.ops4j.pax.exam.options.UrlProvisionOption fromProperty(String key) {
        String path = System.getProperty(key);
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("system property " + key + " must name a bundle jar, was " + path
                    + " (run through Maven: mvn verify)");
        }
        return bundle(new File(path).toURI().toString());
    }
}
