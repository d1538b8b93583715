package org.hbateam.test.framework;

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

import org.hbateam.api.team.TeamService;
import org.hbateam.failover.admin.FailoverAdmin;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * An OSGi framework (Felix, from the class path) started inside this JVM with every bundle of one folder: the
 * feature set a harness chose, typically SCR, Config Admin and the hbateam bundles under test. The packages of
 * {@link SharedPackages} come from the class path through the system bundle, so this harness and the bundles
 * share the API, admin and Config Admin types. {@link #close} stops every component and deletes the storage.
 */
public final class EmbeddedFelix implements AutoCloseable {
    /** How long a service may take to appear: SCR activates components asynchronously. */
    private static final long SERVICE_WAIT_SECONDS = 20;

    private final Framework framework;
    private final Path storage;

    private EmbeddedFelix(Framework framework, Path storage) {
        this.framework = framework;
        this.storage = storage;
    }

    /** Starts a framework in {@code storage} with every jar of {@code bundleDir} installed and every non-fragment started. */
    public static EmbeddedFelix start(Path bundleDir, Path storage) throws IOException, BundleException {
        List<Path> jars = jars(bundleDir);
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toAbsolutePath().toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SharedPackages.exportedFor(jars));
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        Framework framework = factory.newFramework(config);
        framework.start();
        EmbeddedFelix running = new EmbeddedFelix(framework, storage);
        try {
            running.installAndStart(jars);
        } catch (BundleException | RuntimeException e) {
            running.close();
            throw e;
        }
        return running;
    }

    private static List<Path> jars(Path bundleDir) throws IOException {
        List<Path> jars;
        try (Stream<Path> files = Files.list(bundleDir)) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException("no bundles in " + bundleDir + " (build the module first)");
        }
        return jars;
    }

    private void installAndStart(List<Path> jars) throws BundleException {
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            installed.add(context().installBundle(jar.toUri().toString()));
        }
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
        }
    }

    public BundleContext context() {
        return framework.getBundleContext();
    }

    /**
     * The service of {@code type}, waiting for SCR to register it. Looked up with {@code getAllServiceReferences},
     * without the class-space filter, and cast, which checks that the bundle's type is the class path's.
     */
    public <T> T service(Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SERVICE_WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            T service = lookUp(type);
            if (service != null) {
                return service;
            }
            Thread.sleep(20);
        }
        StringBuilder states = new StringBuilder();
        for (Bundle bundle : context().getBundles()) {
            states.append(' ').append(bundle.getSymbolicName()).append('=').append(bundle.getState());
        }
        throw new IllegalStateException("no " + type.getName() + " service within " + SERVICE_WAIT_SECONDS
                + " s; bundle states (32 = active):" + states);
    }

    private <T> T lookUp(Class<T> type) {
        try {
            ServiceReference<?>[] references = context().getAllServiceReferences(type.getName(), null);
            return references == null ? null : type.cast(context().getService(references[0]));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("no filter was given", e);
        }
    }

    public ConfigurationAdmin configurationAdmin() throws InterruptedException {
        return service(ConfigurationAdmin.class);
    }

    public TeamService teams() throws InterruptedException {
        return service(TeamService.class);
    }

    public FailoverAdmin failoverAdmin() throws InterruptedException {
        return service(FailoverAdmin.class);
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
