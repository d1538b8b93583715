package org.hbateam.benchmarks.scenario;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.hbateam.api.team.TeamService;
import org.hbateam.test.framework.EmbeddedFelix;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Scenario benchmarks on the simulated driver: the real failover service, simulated driver and balancer
 * bundles in a plain Felix framework, configured through Config Admin, loaded through {@code Team.submit}.
 * Progress goes to stderr; the result tables (Markdown) go to stdout. Run it with
 * {@code benchmarks/run scenarios [options]} (see {@link ScenarioOptions#USAGE}).
 *
 * <p>System properties: {@code scenario.bundles}, the directory of bundle jars the build copies
 * (default {@code benchmarks/target/scenario-bundles}); {@code scenario.storage}, the framework's scratch
 * directory, deleted at the end (default {@code benchmarks/target/scenario-framework}).
 */
public final class ScenarioMain {
    private ScenarioMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(ScenarioOptions.USAGE);
            return;
        }
        ScenarioOptions options;
        try {
            options = ScenarioOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        // The bundles log through slf4j-simple; INFO lines per configuration change would drown the progress.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        Path bundles = Path.of(System.getProperty("scenario.bundles", "benchmarks/target/scenario-bundles"));
        Path storage = Path.of(System.getProperty("scenario.storage", "benchmarks/target/scenario-framework"));
        PrintStream out = System.out;
        PrintStream progress = System.err;
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (EmbeddedFelix framework = EmbeddedFelix.start(bundles, storage)) {
            ConfigurationAdmin configAdmin = framework.configurationAdmin();
            TeamService teams = framework.teams();
            out.printf("Scenarios on the simulated driver, started %s; %s; %d runs per row, median shown; "
                    + "each team keeps %d commands of %d KiB in flight, %d %% reads.%n", started, options,
                    options.repeats(), options.queueDepth(), SimSetup.COMMAND_BYTES / 1024, options.readPercent());
            if (options.only().equals("all") || options.only().equals("shared")) {
                try (SimSetup setup = new SimSetup(configAdmin, teams)) {
                    new SharedAdapterScenario(options, progress).run(setup, out);
                }
            }
            if (options.only().equals("all") || options.only().equals("unequal")) {
                try (SimSetup setup = new SimSetup(configAdmin, teams)) {
                    new UnequalAdaptersScenario(options, progress).run(setup, out);
                }
            }
            if (options.only().equals("all") || options.only().equals("recovery")) {
                try (SimSetup setup = new SimSetup(configAdmin, teams)) {
                    new CongestionThenQuietScenario(options, progress).run(setup, out);
                }
            }
            out.printf("%nFinished %s.%n", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
    }
}
