package org.hbateam.driver.sim.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hbateam.api.path.CommandCallback;
import org.hbateam.api.path.PathException;
import org.hbateam.api.scsi.ScsiCommand;
import org.hbateam.api.scsi.ScsiResult;

/** A callback that records every answer, counts answers per command and lets a test wait for them. */
final class Recorder implements CommandCallback {
    private final Map<ScsiCommand, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final Map<ScsiCommand, Object> outcomes = new ConcurrentHashMap<>();
    private final List<ScsiCommand> order = new CopyOnWriteArrayList<>();
    private final Semaphore arrived = new Semaphore(0);

    @Override
    public void completed(ScsiCommand command, ScsiResult result) {
        record(command, result);
    }

    @Override
    public void failed(ScsiCommand command, PathException error) {
        record(command, error);
    }

    private void record(ScsiCommand command, Object outcome) {
        answers.computeIfAbsent(command, c -> new AtomicInteger()).incrementAndGet();
        outcomes.put(command, outcome);
        order.add(command);
        arrived.release();
    }

    /** Waits for {@code count} more answers; fails the test rather than hang if they never come. */
    void await(int count) throws InterruptedException {
        if (!arrived.tryAcquire(count, 30, TimeUnit.SECONDS)) {
            throw new AssertionError("expected " + count + " more answers, " + arrived.availablePermits() + " came");
        }
    }

    /** How many times {@code command} was answered. */
    int answers(ScsiCommand command) {
        AtomicInteger n = answers.get(command);
        return n == null ? 0 : n.get();
    }

    ScsiResult result(ScsiCommand command) {
        Object outcome = outcomes.get(command);
        if (!(outcome instanceof ScsiResult)) {
            throw new AssertionError(command + " was expected to complete, got " + outcome);
        }
        return (ScsiResult) outcome;
    }

    PathException.Reason failure(ScsiCommand command) {
        Object outcome = outcomes.get(command);
        if (!(outcome instanceof PathException)) {
            throw new AssertionError(command + " was expected to fail, got " + outcome);
        }
        return ((PathException) outcome).reason();
    }

    /** Commands in the order they were answered. */
    List<ScsiCommand> order() {
        return List.copyOf(order);
    }

    int total() {
        return order.size();
    }
}
