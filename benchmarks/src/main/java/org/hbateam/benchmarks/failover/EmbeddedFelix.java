package org.hbateam.benchmarks.failover;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * A Felix framework started inside this JVM with the bundles of one directory (SCR, Config Admin and the
 * hbateam bundles under test). The API, fault-injection, admin, Config Admin and slf4j packages come from this
 * class path through the system bundle, so that this harness and the bundles share those types; the bundles
 * import what they export, so they wire to the system bundle's copy.
 */
final class EmbeddedFelix implements AutoCloseable {
    private static final String SHARED_PACKAGES = String.join(",",
            "org.hbateam.api.path;version=1.0.0", "org.hbateam.api.scsi;version=1.0.0",
            "org.hbateam.api.team;version=1.0.0", "org.hbateam.api.balancer;version=1.0.0",
            "org.hbateam.driver.sim;version=1.0.0", "org.hbateam.failover.admin;version=1.0.0",
            "org.osgi.service.cm;version=1.6.0", "org.slf4j;version=1.7.36");

    private final Framework framework;

    EmbeddedFelix(Path bundleDirectory, Path storage) throws BundleException {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SHARED_PACKAGES);
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        framework.start();
        List<Bundle> installed = new ArrayList<>();
        File[] jars = bundleDirectory.toFile().listFiles((dir, name) -> name.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalArgumentException("no bundle jars in " + bundleDirectory);
        }
        Arrays.sort(jars);
        for (File jar : jars) {
            installed.add(context().installBundle(jar.toURI().toString()));
        }
        for (Bundle bundle : installed) {
            bundle.start();
        }
    }

    BundleContext context() {
        return framework.getBundleContext();
    }

    /**
     * The service of {@code type}, waiting up to 20 s for it to appear. Looked up without the framework's
     * class-space filter: here {@code getServiceReference(TeamService.class)} from the system bundle found
     * nothing although the failover bundle's service implements the very class of this class path (its
     * other interfaces are bundle-private); the cast checks that the types really are the same.
     */
    <T> T service(Class<T> type) throws InterruptedException, InvalidSyntaxException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            ServiceReference<?>[] refs = context().getAllServiceReferences(type.getName(), null);
            if (refs != null) {
                return type.cast(context().getService(refs[0]));
            }
            Thread.sleep(20);
        }
        StringBuilder states = new StringBuilder();
        for (Bundle bundle : context().getBundles()) {
            states.append(' ').append(bundle.getSymbolicName()).append('=').append(bundle.getState());
        }
        throw new IllegalStateException("no " + type.getName() + " service within 20 s; bundle states (32 = active):" + states);
    }

    @Override
    public void close() throws Exception {
        framework.stop();
        framework.waitForStop(TimeUnit.SECONDS.toMillis(30));
    }
}
