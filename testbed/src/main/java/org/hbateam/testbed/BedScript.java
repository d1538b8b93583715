package org.hbateam.testbed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code testbed/bed} script: where it is, and running one of its subcommands. */
final class BedScript {

    /** System property that names the script explicitly, e.g. from a module outside the tree. */
    static final String SCRIPT_PROPERTY = "hbateam.testbed.script";

    private final Path script;

    BedScript(Path script) {
        this.script = script;
    }

    /**
     * Finds the script: the system property {@value #SCRIPT_PROPERTY} wins; otherwise the first
     * {@code bed} (in the testbed module itself) or {@code testbed/bed} (in any other module of
     * the build) on the way up from the working directory.
     */
    static BedScript locate() {
        String explicit = System.getProperty(SCRIPT_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return new BedScript(requireExecutable(Path.of(explicit)));
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path own = dir.resolve("bed");
            if (Files.isRegularFile(own) && Files.isDirectory(dir.resolve("peers"))) {
                return new BedScript(requireExecutable(own));
            }
            Path nested = dir.resolve("testbed").resolve("bed");
            if (Files.isRegularFile(nested)) {
                return new BedScript(requireExecutable(nested));
            }
        }
        throw new TestBedException("cannot find the test-bed script testbed/bed above " + start
                + "; set -D" + SCRIPT_PROPERTY + "=/path/to/testbed/bed");
    }

    private static Path requireExecutable(Path path) {
        if (!Files.isExecutable(path)) {
            throw new TestBedException("the test-bed script " + path + " is missing or not executable");
        }
        return path.toAbsolutePath().normalize();
    }

    Path path() {
        return script;
    }

    /** Runs {@code bed ARGS...} and returns its stdout; a non-zero exit becomes an exception with stderr. */
    String run(Duration timeout, Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(List.of(arguments));
        String description = "bed " + String.join(" ", arguments);
        ProcessRunner.Result result = ProcessRunner.run(command, environment, new byte[0], timeout, description);
        if (result.exitCode() != 0) {
            throw new TestBedException(description + " failed with exit code " + result.exitCode() + ": "
                    + (result.stderr().isEmpty() ? "(no stderr)" : result.stderr()));
        }
        return result.out();
    }
}
