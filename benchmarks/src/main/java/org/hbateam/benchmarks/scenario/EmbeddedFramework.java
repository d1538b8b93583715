package org.hbateam.benchmarks.scenario;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * A plain Felix framework in this JVM running the real bundles: SCR, Config Admin, the simulated driver, the
 * failover service and the five balancers. The API packages and Config Admin's package come from the class
 * path through the system bundle, so this class's code and the bundles see the same {@code Team} and
 * {@code ConfigurationAdmin} classes; the API bundle itself is therefore not installed.
 */
final class EmbeddedFramework implements AutoCloseable {
    private static final String SHARED_PACKAGES = String.join(",",
            "org.hbateam.api.scsi;version=1.0.0", "org.hbateam.api.path;version=1.0.0",
            "org.hbateam.api.balancer;version=1.0.0", "org.hbateam.api.team;version=1.0.0",
            "org.osgi.service.cm;version=1.6.1");

    private final Framework framework;
    private final Path storage;

    private EmbeddedFramework(Framework framework, Path storage) {
        this.framework = framework;
        this.storage = storage;
    }

    /** Starts a framework with every jar of {@code bundleDir} installed and every non-fragment started. */
    static EmbeddedFramework start(Path bundleDir, Path storage) throws IOException, BundleException {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toAbsolutePath().toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SHARED_PACKAGES);
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        Framework framework = factory.newFramework(config);
        framework.start();
        EmbeddedFramework running = new EmbeddedFramework(framework, storage);
        try {
            running.installAll(bundleDir);
        } catch (IOException | BundleException | RuntimeException e) {
            running.close();
            throw e;
        }
        return running;
    }

    private void installAll(Path bundleDir) throws IOException, BundleException {
        List<Path> jars;
        try (Stream<Path> files = Files.list(bundleDir)) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException("no bundles in " + bundleDir + " (build the benchmarks module first)");
        }
        BundleContext context = framework.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            installed.add(context.installBundle(jar.toUri().toString()));
        }
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
        }
    }

    /** The service of this type, waiting up to 10 s for SCR to register it. */
    <T> T service(Class<T> type) throws InterruptedException {
        BundleContext context = framework.getBundleContext();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            ServiceReference<T> reference = context.getServiceReference(type);
            T service = reference == null ? null : context.getService(reference);
            if (service != null) {
                return service;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(type.getName() + " was not registered within 10 s");
    }

    /** Stops the framework (which stops every component and its threads) and deletes its storage. */
    @Override
    public void close() throws IOException {
        try {
            framework.stop();
            framework.waitForStop(TimeUnit.SECONDS.toMillis(30));
        } catch (BundleException e) {
            throw new IOException("the framework did not stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deleteTree(storage);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
