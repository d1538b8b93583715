package org.hbateam.itests.karaf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's headless Chromium, one short-lived process per page load: {@code --dump-dom} prints the DOM after
 * the page's scripts ran for a virtual-time budget, {@code --screenshot} saves a PNG. Each run gets a fresh
 * profile under the build directory, and a run that does not end is killed with its children.
 */
final class HeadlessChromium {
    private static final Path BINARY = Paths.get("/usr/bin/chromium");
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Path workDir;

    HeadlessChromium(Path workDir) throws IOException, InterruptedException {
        this.workDir = workDir;
        Files.createDirectories(workDir);
        installIfMissing();
    }

    /** The DOM after the page's scripts ran for {@code budgetMillis} of virtual time. */
    String dumpDom(String url, int budgetMillis) throws IOException, InterruptedException {
        List<String> command = command(budgetMillis);
        command.add("--dump-dom");
        command.add(url);
        return run(command);
    }

    /** Saves a PNG of the page, {@code width} x {@code height}, after the scripts ran for {@code budgetMillis}. */
    void screenshot(String url, int budgetMillis, int width, int height, Path png) throws IOException, InterruptedException {
        List<String> command = command(budgetMillis);
        command.add("--window-size=" + width + "," + height);
        command.add("--hide-scrollbars");
        command.add("--screenshot=" + png.toAbsolutePath());
        command.add(url);
        run(command);
        if (!Files.exists(png)) {
            throw new IOException("chromium wrote no screenshot to " + png);
        }
    }

    private List<String> command(int budgetMillis) {
        Path profile = workDir.resolve("profile-" + RUNS.incrementAndGet());
        return new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--virtual-time-budget=" + budgetMillis));
    }

    private String run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "chromium", ".out");
        Path err = Files.createTempFile(workDir, "chromium", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IOException("chromium did not finish within 90 s: " + Files.readString(err));
        }
        // chromium's helper processes (zygote, GPU, network) must not outlive it
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** The CI script installs chromium; on a developer's machine run as root, this installs it once. */
    private static void installIfMissing() throws IOException, InterruptedException {
        if (Files.isExecutable(BINARY)) {
            return;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException(BINARY + " is missing: install Debian's chromium package (apt-get install chromium)");
        }
        Process p = new ProcessBuilder("apt-get", "install", "-y", "-qq", "chromium", "chromium-driver").inheritIO().start();
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.isExecutable(BINARY)) {
            p.destroyForcibly();
            throw new IllegalStateException("apt-get install chromium failed; install it by hand");
        }
    }
}
