package org.hbateam.itests.karaf;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One copy of the built assembly, unpacked into its own folder with its own ports, started with
 * {@code bin/start} and driven through {@code bin/client -b}, exactly as an operator would.
 * {@link #close()} stops it and kills it by PID if it does not stop, so no Karaf outlives a test.
 */
final class KarafInstance implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Path home;
    private final int sshPort;
    private final int httpPort;
    private final int rmiRegistryPort;
    private final int rmiServerPort;

    private KarafInstance(Path home, int sshPort) throws IOException {
        this.home = home;
        this.sshPort = sshPort;
        this.httpPort = freePort();
        this.rmiRegistryPort = freePort();
        this.rmiServerPort = freePort();
    }

    /** Unpacks the assembly named by the {@code hbateam.assembly} system property and starts it. */
    static KarafInstance start(String name) throws IOException, InterruptedException {
        return start(name, home -> { });
    }

    /** What a test changes in the unpacked assembly before the first start, as an operator edits {@code etc/}. */
    interface BeforeStart {
        void edit(Path home) throws IOException;
    }

    /** Unpacks the assembly, lets {@code beforeStart} edit it, and starts it. */
    static KarafInstance start(String name, BeforeStart beforeStart) throws IOException, InterruptedException {
        Path archive = Paths.get(requiredProperty("hbateam.assembly"));
        Path runs = Paths.get(requiredProperty("hbateam.workdir"));
        Path dir = runs.resolve(name);
        deleteTree(dir);
        Files.createDirectories(dir);
        run(dir, Duration.ofSeconds(60), "tar", "-xzf", archive.toString(), "-C", dir.toString(), "--strip-components=1");
        KarafInstance karaf = new KarafInstance(dir, freePort());
        karaf.usePrivatePorts();
        beforeStart.edit(dir);
        karaf.launch();
        return karaf;
    }

    Path home() {
        return home;
    }

    /** The HTTP service's private port (etc/org.ops4j.pax.web.cfg). */
    int httpPort() {
        return httpPort;
    }

    /** The JMX connector's URL, on the instance's private RMI ports; log in as karaf/karaf. */
    String jmxUrl() {
        return "service:jmx:rmi://127.0.0.1:" + rmiServerPort + "/jndi/rmi://127.0.0.1:" + rmiRegistryPort + "/karaf-root";
    }

    /** Runs shell commands as the administrator and returns what they printed. */
    String execute(String... commands) throws IOException, InterruptedException {
        return executeAs("karaf", "karaf", commands);
    }

    /** Runs shell commands as {@code user} and returns what they printed, stdout and stderr together. */
    String executeAs(String user, String password, String... commands) throws IOException, InterruptedException {
        return clientAs(user, password, commands).output();
    }

    /** Runs shell commands as the administrator through {@code bin/client -b}, stdin a file: its exit status and output. */
    Outcome client(String... commands) throws IOException, InterruptedException {
        return clientAs("karaf", "karaf", commands);
    }

    private Outcome clientAs(String user, String password, String... commands) throws IOException, InterruptedException {
        Path script = Files.createTempFile(home, "commands", ".txt");
        try {
            Files.write(script, List.of(commands), StandardCharsets.UTF_8);
            ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", Integer.toString(sshPort),
                    "-h", "127.0.0.1", "-u", user, "-p", password, "-r", "3", "-d", "2", "-b")
                    .redirectErrorStream(true).redirectInput(script.toFile());
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            return outcome(pb.start(), Duration.ofSeconds(60));
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /**
     * Runs {@code bin/hbateam} with these arguments as cron would: stdin /dev/null, no terminal, no JAVA_HOME (the
     * wrapper finds java on the PATH). The client options name this instance's private port.
     */
    Outcome hbateamScript(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/hbateam").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(new File("/dev/null"));
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("PATH", Paths.get(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        pb.environment().put("HBATEAM_CLIENT_OPTS", "-a " + sshPort + " -h 127.0.0.1 -u karaf -p karaf -r 3 -d 2");
        return outcome(pb.start(), Duration.ofSeconds(60));
    }

    /** What a client run printed (stdout and stderr together) and its exit status. */
    record Outcome(int exitStatus, String output) {
    }

    private void launch() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/start").toString()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        waitFor(pb.start(), Duration.ofSeconds(30));
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            last = execute("hbateam:teams");
            if (last.contains("LU identity")) {
                return;
            }
            Thread.sleep(1000);
        }
        close();
        throw new IllegalStateException("Karaf in " + home + " did not answer within " + START_TIMEOUT + "; last output: " + last);
    }

    private void usePrivatePorts() throws IOException {
        replaceInFile(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort = 8101", "sshPort = " + sshPort);
        Path management = home.resolve("etc/org.apache.karaf.management.cfg");
        replaceInFile(management, "rmiRegistryPort = 1099", "rmiRegistryPort = " + rmiRegistryPort);
        replaceInFile(management, "rmiServerPort = 44444", "rmiServerPort = " + rmiServerPort);
        replaceInFile(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port = 8181", "org.osgi.service.http.port = " + httpPort);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/stop").toString()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        waitFor(pb.start(), Duration.ofSeconds(30));
        Path pidFile = home.resolve("karaf.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid).ifPresent(p -> awaitOrKill(p));
        }
    }

    private static void awaitOrKill(ProcessHandle process) {
        try {
            process.onExit().get(15, TimeUnit.SECONDS);
        } catch (Exception notStopped) {
            process.destroyForcibly();
        }
    }

    private static String waitFor(Process process, Duration timeout) throws IOException, InterruptedException {
        return outcome(process, timeout).output();
    }

    private static Outcome outcome(Process process, Duration timeout) throws IOException, InterruptedException {
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("command timed out after " + timeout);
        }
        return new Outcome(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static void run(Path dir, Duration timeout, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = waitFor(p, timeout);
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    /**
     * Replaces {@code file} with {@code text} in one step. Karaf's file watcher may read a file at any moment, and a
     * plain rewrite (truncate, then write) can show it an empty or half-written configuration that it applies.
     */
    static void writeAtomically(Path file, String text) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp"); // not *.cfg: the watcher ignores it
        Files.writeString(temp, text);
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void replaceInFile(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " has no line '" + from + "'");
        }
        writeAtomically(file, text.replace(from, to));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String requiredProperty(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + key + " is not set; run through Maven (mvn verify)");
        }
        return value;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.compareTo(a)).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
