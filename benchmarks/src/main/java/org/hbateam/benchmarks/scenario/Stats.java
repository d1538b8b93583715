package org.hbateam.benchmarks.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.hbateam.load.QueueDepthLoop;

/** Small helpers: throughput over a wait, medians, number formatting. */
final class Stats {
    private Stats() {
    }

    /** Waits {@code seconds} and returns each load's completed MB/s (10^6 bytes) over that time. */
    static double[] measureMBps(double seconds, QueueDepthLoop... loads) throws InterruptedException {
        long[] before = new long[loads.length];
        for (int i = 0; i < loads.length; i++) {
            before[i] = loads[i].result().bytes();
        }
        long start = System.nanoTime();
        TimeUnit.MILLISECONDS.sleep(Math.round(seconds * 1000));
        double elapsed = (System.nanoTime() - start) / 1e9;
        double[] rates = new double[loads.length];
        for (int i = 0; i < loads.length; i++) {
            rates[i] = (loads[i].result().bytes() - before[i]) / 1e6 / elapsed;
        }
        return rates;
    }

    static double median(List<? extends Number> values) {
        List<Double> sorted = new ArrayList<>();
        values.forEach(v -> sorted.add(v.doubleValue()));
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String f0(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    static String f1(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** The values, one decimal, joined by " / ". */
    static String all1(List<? extends Number> values) {
        List<String> parts = new ArrayList<>();
        values.forEach(v -> parts.add(f1(v.doubleValue())));
        return String.join(" / ", parts);
    }

    /** The values, no decimals, joined by " / " (the repetitions behind a median). */
    static String all(List<? extends Number> values) {
        List<String> parts = new ArrayList<>();
        values.forEach(v -> parts.add(f0(v.doubleValue())));
        return String.join(" / ", parts);
    }
}
