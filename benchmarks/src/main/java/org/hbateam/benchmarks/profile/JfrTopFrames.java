package org.hbateam.benchmarks.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The top frames of a flight recording, as {@code docs/benchmarks.md} quotes them: Java execution samples by their
 * top frame (threads running Java code; a thread blocked in a native socket read is not CPU, so native samples are
 * left out), and allocation samples by the first hbateam frame that allocated, weighted by the bytes JFR attributes
 * to each sample. Run with {@code benchmarks/run jfr-top FILE.jfr [ROWS]}.
 */
public final class JfrTopFrames {
    private JfrTopFrames() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: benchmarks/run jfr-top FILE.jfr [ROWS]");
            System.exit(2);
        }
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Map<String, Double> cpu = new HashMap<>();
        Map<String, Double> allocation = new HashMap<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.ExecutionSample")) {
                cpu.merge(topFrame(event.getStackTrace()), 1.0, Double::sum);
            } else if (type.equals("jdk.ObjectAllocationSample")) {
                String site = event.getClass("objectClass").getName() + " at " + firstOwnFrame(event.getStackTrace());
                allocation.merge(site, (double) event.getLong("weight"), Double::sum);
            }
        }
        print("Java execution samples by top frame", cpu, rows);
        print("Allocation by class and first hbateam frame (JFR's sampled weight)", allocation, rows);
    }

    private static String topFrame(RecordedStackTrace stack) {
        List<RecordedFrame> frames = stack == null ? List.of() : stack.getFrames();
        return frames.isEmpty() ? "(no stack)" : name(frames.get(0));
    }

    private static String firstOwnFrame(RecordedStackTrace stack) {
        List<RecordedFrame> frames = stack == null ? List.of() : stack.getFrames();
        return frames.stream().filter(f -> f.getMethod().getType().getName().startsWith("org.hbateam.")).findFirst()
                .map(JfrTopFrames::name).orElse(frames.isEmpty() ? "(no stack)" : name(frames.get(0)));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(String title, Map<String, Double> counts, int rows) {
        double total = counts.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf("%n| %s | share |%n| --- | ---: |%n", title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(rows)
                .forEach(e -> System.out.printf("| `%s` | %.1f %% |%n", e.getKey(), 100 * e.getValue() / total));
    }
}
