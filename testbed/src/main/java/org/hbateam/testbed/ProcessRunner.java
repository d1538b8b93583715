package org.hbateam.testbed;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external command to completion with a hard timeout. Output goes through temporary
 * files rather than pipes, so no reader threads are needed and nothing is left behind.
 */
final class ProcessRunner {

    /** What a finished command left: its exit code, its stdout bytes and its stderr text. */
    record Result(int exitCode, byte[] stdout, String stderr) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    private ProcessRunner() {
    }

    /**
     * Runs {@code command}; {@code environment} entries with a null value are removed from the
     * inherited environment. {@code description} names the step in errors and must hold no secret.
     */
    static Result run(List<String> command, Map<String, String> environment, byte[] stdin,
            Duration timeout, String description) {
        File in = null;
        File out = null;
        File err = null;
        try {
            in = File.createTempFile("hbt-in", ".bin");
            out = File.createTempFile("hbt-out", ".bin");
            err = File.createTempFile("hbt-err", ".txt");
            Files.write(in.toPath(), stdin);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(in).redirectOutput(out).redirectError(err);
            environment.forEach((key, value) -> {
                if (value == null) {
                    builder.environment().remove(key);
                } else {
                    builder.environment().put(key, value);
                }
            });
            int exitCode = waitFor(builder.start(), timeout, description);
            return new Result(exitCode, Files.readAllBytes(out.toPath()),
                    Files.readString(err.toPath(), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new TestBedException(description + " could not be run: " + e.getMessage(), e);
        } finally {
            delete(in);
            delete(out);
            delete(err);
        }
    }

    private static int waitFor(Process process, Duration timeout, String description) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
            kill(process);
            throw new ToolTimeoutException(description, timeout);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new TestBedException(description + " was interrupted", e);
        }
    }

    /** Kills the command and its children, and waits for them, so no process outlives a test. */
    private static void kill(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            for (ProcessHandle child : children) {
                child.onExit().get(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // The child is already reparented and gone, or will be reaped by init: nothing to wait for.
        }
    }

    private static void delete(File file) {
        if (file != null && !file.delete() && file.exists()) {
            file.deleteOnExit();
        }
    }
}
