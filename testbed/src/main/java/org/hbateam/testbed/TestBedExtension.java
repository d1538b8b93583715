package org.hbateam.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Brings a real bed up before a test class and always tears it down after it, and injects the
 * {@link TestBed} into constructors, lifecycle and test methods. Use either
 * {@code @ExtendWith(TestBedExtension.class)} with an optional {@link BedConfig}, or
 * {@code @RegisterExtension static final TestBedExtension BED = TestBedExtension.of(spec)}.
 * Before the bed: a root check (a clear failure, never a skip), {@code bed install}, and
 * {@code bed down} of the same name to clear what a killed earlier run left. A JVM shutdown
 * hook tears the bed down if the JVM ends before {@code afterAll}.
 */
public final class TestBedExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestBedExtension.class);
    private static final String KEY = "bed";
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration DOWN_TIMEOUT = Duration.ofSeconds(30);

    private final BedSpec fixedSpec;

    /** For {@code @ExtendWith}: the spec comes from the class's {@link BedConfig}. */
    public TestBedExtension() {
        this(null);
    }

    private TestBedExtension(BedSpec fixedSpec) {
        this.fixedSpec = fixedSpec;
    }

    /** For {@code @RegisterExtension} on a static field; a spec without a name gets a derived one. */
    public static TestBedExtension of(BedSpec spec) {
        return new TestBedExtension(spec);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        requireRoot(currentUid());
        BedScript script = BedScript.locate();
        BedSpec spec = specFor(context, script);
        String name = spec.name().orElseThrow();
        script.run(INSTALL_TIMEOUT, Map.of(), "install");
        script.run(DOWN_TIMEOUT, Map.of(), "down", name);
        Running running = new Running(script, name);
        Runtime.getRuntime().addShutdownHook(running.hook);
        // Stored before up: should afterAll not run, JUnit still closes the store at class end.
        context.getStore(NAMESPACE).put(KEY, running);
        running.bed = TestBed.up(script, spec);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Running running = context.getStore(NAMESPACE).remove(KEY, Running.class);
        if (running != null) {
            running.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TestBed.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Running running = extensionContext.getStore(NAMESPACE).get(KEY, Running.class);
        if (running == null || running.bed == null) {
            throw new TestBedException("no test bed is up for " + extensionContext.getDisplayName()
                    + ": TestBedExtension brings it up in beforeAll; register it on the class");
        }
        return running.bed;
    }

    private BedSpec specFor(ExtensionContext context, BedScript script) {
        Class<?> testClass = context.getRequiredTestClass();
        BedSpec spec = fixedSpec != null ? fixedSpec
                : AnnotationSupport.findAnnotation(testClass, BedConfig.class).map(TestBedExtension::fromConfig)
                        .orElseGet(() -> BedSpec.builder().build());
        return spec.name().isPresent() ? spec
                : spec.withName(BedNames.derive(testClass.getName(), script.path().toString()));
    }

    private static BedSpec fromConfig(BedConfig config) {
        BedSpec.Builder builder = BedSpec.builder().paths(config.paths()).size(config.size()).luns(config.luns())
                .maxConnections(config.maxConnections()).nopInterval(config.nopInterval());
        if (!config.name().isEmpty()) {
            builder.name(config.name());
        }
        if (!config.chapUser().isEmpty() || !config.chapSecret().isEmpty()) {
            builder.chap(new Chap(config.chapUser(), config.chapSecret()));
        }
        if (!config.mutualChapUser().isEmpty() || !config.mutualChapSecret().isEmpty()) {
            builder.mutualChap(new Chap(config.mutualChapUser(), config.mutualChapSecret()));
        }
        return builder.build();
    }

    /** Fails (never skips) unless {@code uid} is 0: CI runs as root and must run these tests. */
    static void requireRoot(Optional<Integer> uid) {
        if (uid.isEmpty() || uid.get() != 0) {
            throw new TestBedException("the iSCSI test bed needs root (network namespaces, veth links, tgtd, nftables),"
                    + " but this JVM runs as uid " + uid.map(String::valueOf).orElse("unknown")
                    + ": run the build as root, as CI does. These tests are never skipped.");
        }
    }

    private static Optional<Integer> currentUid() {
        try {
            return Optional.of((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** A bed this extension is responsible for: torn down by close() or, failing that, at JVM exit. */
    private static final class Running implements ExtensionContext.Store.CloseableResource {
        private final BedScript script;
        private final String name;
        private final Thread hook;
        private volatile TestBed bed;

        Running(BedScript script, String name) {
            this.script = script;
            this.name = name;
            this.hook = new Thread(this::downAtExit, "hbt-bed-" + name + "-teardown");
        }

        @Override
        public void close() {
            try {
                script.run(DOWN_TIMEOUT, Map.of(), "down", name);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // The JVM is exiting already: the hook runs and finds nothing left.
                }
            }
        }

        private void downAtExit() {
            try {
                script.run(DOWN_TIMEOUT, Map.of(), "down", name);
            } catch (RuntimeException e) {
                System.err.println("hbateam test bed: teardown of " + name + " at JVM exit failed: " + e.getMessage());
            }
        }
    }
}
